# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of sensor-datasheet.py each one translates.
# # The code always comes from sensor-datasheet.py. See CONTRIBUTING.md, "Translating a lab".
# title: Escreva uma folha de dados para um sensor de ML
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: sensor-datasheet.py
#     source_hash: sha256:85d9c636b024105d
# ---

# %% [markdown] text=1
# # Escreva uma folha de dados para um sensor de ML
#
# Um sensor de ML mantém o seu modelo e os seus dados brutos dentro do módulo e mostra ao mundo
# externo só alguns bytes de resposta. Ninguém consegue olhar dentro dele, então a **folha de
# dados** é como compradores, construtores e auditores ficam sabendo o que o sensor faz. O artigo
# **"Datasheets for Machine Learning Sensors"** (Stewart, Warden, Omri, Prakash et al.,
# [arXiv 2306.08848](https://arxiv.org/abs/2306.08848)) propõe uma folha de dados de dez blocos em
# quatro grupos: os blocos padrão de sensor (descrição, conformidade, formato, comunicação,
# hardware), privacidade e segurança de IoT, os blocos de IA (conjunto de dados e modelo) e dois
# blocos novos de sensor de ML (desempenho de ponta a ponta e impacto ambiental).
#
# Neste laboratório você termina um **rascunho** de folha de dados. Você executa o validador deste
# curso (`courseware.datasheet`), corrige o que ele encontra, calcula a seção ambiental a partir
# da potência de operação real do sensor em vez do 1 mW padrão da calculadora de pegada, e lê o
# perfil de materialidade e risco do sensor.
#
# O rascunho descreve um sensor **ilustrativo** de anomalias de vibração: um exemplo didático que
# não é um produto real. Os seus números foram escolhidos para o ensino e não foram medidos por
# ninguém. A versão terminada é a folha de dados de exemplo do curso
# `illustrative-vibration-sensor` (em `curriculum/sensors/`).

# %% [markdown] text=2
# ## 1. O rascunho
#
# Uma folha de dados é um arquivo YAML. O rascunho vem com este laboratório como
# `data/vibration-sensor-draft.yaml`; abra-o ao lado deste notebook. Aqui está a parte em que você
# mais vai trabalhar, o bloco de hardware e o bloco de impacto ambiental.

# %% [markdown] text=3
# O autor do rascunho copiou a seção ambiental da predefinição *Anomaly Detection* da TinyML CO2
# Footprint Calculator: um total de 1,61 kg CO2e, com a fase de uso da calculadora de **1 mW**.
# Fique de olho nesse número.
#
# ## 2. Execute o validador
#
# O validador carrega o YAML no esquema da folha de dados e depois executa todas as verificações.
# Cada **constatação** tem uma gravidade
# (erro, aviso ou informação), a verificação que a produziu, o campo para o qual aponta e a linha
# do arquivo. Uma folha de dados é *válida* quando não tem erros; avisos e informações são
# conselhos.
#
# Esta pequena função faz o que `courseware datasheet validate` faz na linha de comando, para um
# texto YAML guardado na memória.

# %% [markdown] text=4
# Leia cada constatação e encontre a sua linha no arquivo. São erros que folhas de dados reais
# cometem: a folha de dados de exemplo de código aberto do repositório do artigo dava o seu
# endereço I2C como "TBD" na primeira revisão, escreve tamanhos de memória no ambíguo "Kb" e
# declara uma faixa de luz muito mais ampla do que aquela em que foi testada (veja a página dela na
# galeria de folhas de dados do curso).
#
# ## 3. Corrija as constatações de documentação
#
# Editamos o YAML carregado (um dicionário Python aninhado) e o verificamos de novo. Cada correção
# diz a qual constatação responde.

# %% [markdown] text=5
# Só restam as constatações de impacto ambiental. (Os números de linha agora se referem ao texto
# YAML editado, não ao arquivo do rascunho.)
#
# ## 4. A seção ambiental, na potência de operação real
#
# O bloco de hardware declara uma potência de operação de 10 mW (3 mA a 3,3 V). A seção copiada
# supunha 1 mW, o padrão da calculadora de pegada, então a sua fase de uso é dez vezes pequena
# demais. As duas folhas de dados de exemplo do repositório do artigo mostram o mesmo padrão: ambas
# declaram 40 mA de corrente de operação, mas os seus gráficos de pegada não mostram nenhuma fase de
# uso visível, o que é coerente com o 1 mW padrão da calculadora (o validador aponta as duas).
#
# Em vez de digitar números, uma folha de dados pode dar uma **configuração de pegada**: uma
# predefinição ou opções da calculadora, a rede elétrica que vai carregar o dispositivo e o ciclo
# de trabalho. A biblioteca `courseware.footprint` então calcula a decomposição, com a fase de uso
# a partir da potência de operação declarada × ciclo de trabalho × vida útil × intensidade da
# rede. Um total digitado e um `use_phase_power_mw` digitado deixam então de ser necessários.

# %% [markdown] text=6
# Nenhuma constatação: a folha de dados é válida. Agora calcule a seção ambiental que ela declara.

# %% figure=1 alt="Gráfico de barras horizontais empilhadas que compara duas pegadas do mesmo sensor em kg CO2e, divididas por bloco. O rascunho, digitado a partir da predefinição Anomaly Detection da calculadora com uma fase de uso de 1 mW, soma 1,61 kg. A seção calculada, com os 10 mW declarados na rede de média mundial, soma 1,73 kg: todos os blocos são iguais, exceto a fase de uso, que cresce de 0,01 para cerca de 0,13 kg. Os maiores blocos nos dois são a fonte ligada à rede elétrica (0,52) e o transporte (0,40)."

# %% [markdown] text=7
# Para este sensor a diferença é pequena perto dos blocos incorporados: 10 mW ainda é pouco. O que
# importa é o método: a potência declarada pela própria folha de dados agora determina a sua seção
# ambiental, então as duas nunca mais podem discordar. (O exercício 2 mostra um sensor para o qual
# a fase de uso importa.)
#
# ## 5. O perfil de materialidade e risco
#
# Uma folha de dados válida ainda pode descrever um sensor arriscado. O artigo "Materiality and
# Risk in the Age of Pervasive AI Sensors" ([arXiv 2402.11183](https://arxiv.org/abs/2402.11183))
# examina os riscos que começam no próprio sensor, em cinco áreas: calibração, documentação,
# dados proprietários, privacidade e resíduos. Este curso transforma essas áreas em uma lista de
# verificação pontuada a partir dos campos da folha de dados (a lista e a pontuação são do
# próprio curso, não o método do artigo): cada item recebe 0 (documentado e mitigado), 1
# (documentado, não mitigado) ou 2 (arriscado ou não divulgado), e cada área recebe de 0 (melhor)
# a 100 (pior).

# %% figure=2 alt="Gráfico de barras horizontais agrupadas com pontuações de risco de 0 (melhor) a 100 (pior) em cinco áreas, para o rascunho e para a folha de dados corrigida. Calibração e validade cai de 50 para 0, documentação de 50 para 25, e resíduos e meio ambiente de 37,5 para 0; a profusão de dados proprietários fica em 25 e a privacidade em 20. A pontuação geral cai de 36,5 para 14."

# %% [markdown] text=8
# Corrigir as constatações reduziu o risco, mas não a zero. Estes são os itens ainda em aberto,
# com as evidências que a folha de dados dá:

# %% [markdown] text=9
# Nenhum deles é um erro: uma folha de dados pode dizer com honestidade que não há auditoria de
# terceiros. O perfil mostra a um comprador o que está faltando, para que ele possa pedir.
#
# ## Exercícios
#
# Mude os valores nas células abaixo e execute-as de novo. A página publicada mostra os valores
# padrão.
#
# ### Exercício 1: ciclo de trabalho e rede elétrica
#
# O sensor escuta o tempo todo (ciclo de trabalho 1). Suponha que ele acordasse só durante um
# décimo do tempo, ou fosse carregado em outra rede elétrica (`"norway"`, `"france"`, `"india"`,
# ou qualquer chave da tabela de redes da biblioteca de pegada). Quanto o total muda?

# %% [markdown] text=10
# ### Exercício 2: um sensor mais guloso
#
# O Person Sensor, um módulo de câmera cuja folha de dados está na galeria de folhas de dados
# deste curso, declara uma potência de operação de cerca de 150 mW. Dê essa potência ao nosso
# sensor e recalcule: agora, qual é o tamanho da fase de uso perto dos blocos incorporados? O que
# o validador diz se a corrente declarada (3 mA) ficar como está?

# %% [markdown] text=11
# ### Exercício 3: reduza os riscos que restam
#
# Escolha um item ainda em aberto na seção 5 e mude a folha de dados para tratá-lo com
# honestidade. Por exemplo, declare os controles que uma pessoa tem sobre o que o sensor capta (a
# área de privacidade), ou aponte para um projeto público que reproduz a avaliação (a área de
# dados proprietários). Quais itens você só consegue corrigir *fazendo* algo, e não escrevendo?

# %% [markdown] text=12
# ### Exercício 4: um sensor que observa pessoas
#
# O nosso sensor observa máquinas. Defina `observes_people` como `True` e execute o validador:
# quais campos passam a ser obrigatórios, e por que a folha de dados de um sensor que observa
# pessoas precisa deles?
