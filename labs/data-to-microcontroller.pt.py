# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of data-to-microcontroller.py each one translates.
# # The code always comes from data-to-microcontroller.py. See CONTRIBUTING.md, "Translating a lab".
# title: Dos dados a um microcontrolador, em numpy
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: data-to-microcontroller.py
#     source_hash: sha256:d935924f8c5c1db2
# ---

# %% [markdown] text=1
# # Dos dados a um microcontrolador, em numpy
#
# Um projeto de TinyML passa por quatro passos: **coletar** dados, **treinar** um modelo,
# **quantizá-lo** para que caiba e **implantá-lo** em uma placa. Este laboratório percorre os
# quatro em um reconhecedor de gestos para um acelerômetro de pulso, sem placa e sem rede:
#
# 1. ele *gera* os dados (um sinal sintético de acelerômetro de três eixos para quatro gestos),
#    porque um laboratório que precisa rodar off-line em qualquer notebook não pode coletar dados
#    reais;
# 2. ele extrai algumas características simples e treina uma pequena rede neural só com numpy;
# 3. ele quantiza a rede para inteiros de 8 bits (int8) e a executa só com aritmética inteira,
#    como faria um microcontrolador sem unidade de ponto flutuante;
# 4. ele conta os bytes e as multiplicações-acumulações de que o modelo precisa e os confere com
#    a flash e a RAM de um microcontrolador.
#
# Tudo tem semente fixa, então cada execução imprime os mesmos números. Os dados são sintéticos:
# a acurácia que você obtém aqui diz quão bem o pipeline funciona *neste* sinal, e não quão bem um
# reconhecedor de gestos funciona com pessoas. O módulo "Dos dados a um microcontrolador" explica
# o que muda com dados reais.

# %% [markdown] text=2
# ## 1. Coletar: um acelerômetro sintético
#
# Um acelerômetro mede a aceleração ao longo de três eixos, em unidades de *g* (9,81 m/s²). Em
# repouso ele ainda marca 1 g: a gravidade, apontando para baixo. O nosso sensor imaginário
# amostra **50 vezes por segundo** e cortamos o fluxo em **janelas de 2 segundos** (100 amostras
# por eixo). Cada janela recebe um de quatro rótulos:
#
# - **rest** (repouso): o braço está parado; só a gravidade, uma deriva lenta e ruído;
# - **wave** (aceno): de um lado para o outro, sobretudo ao longo de x, de 1 a 2,5 vezes por segundo;
# - **circle** (círculo): a mão desenha um círculo, então x e y oscilam defasados de um quarto de volta;
# - **punch** (soco): um golpe seco ao longo de z, seguido de um recuo.
#
# Cada janela também recebe uma inclinação aleatória (para que a gravidade nem sempre esteja em z),
# um tamanho e uma velocidade de movimento aleatórios e ruído do sensor. Essas são escolhas deste
# laboratório, feitas para que a tarefa não seja nem trivial nem impossível; gestos reais variam de
# maneiras que nenhum gerador conhece.

# %% figure=1 alt="Quatro pequenos gráficos de linhas em uma grade de dois por dois, um por gesto (rest, wave, circle, punch), cada um mostrando dois segundos de uma janela sintética: a aceleração em x, y e z, em g, em função do tempo. Rest são três linhas planas e ruidosas perto de 0, 0 e 1 g; wave faz a linha de x subir e descer várias vezes; circle move x e y defasados de um quarto de volta, neste exemplo tão suavemente que o ruído quase o esconde; punch é plano, exceto por um pico agudo em z de quase 3 g perto de um segundo, seguido de uma queda."

# %% [markdown] text=3
# ## 2. Treinar: características e uma rede pequena
#
# Uma janela tem 300 números. Em vez de entregar todos à rede, calculamos **cinco
# características por eixo**: média, desvio padrão, mínimo, máximo e a variação absoluta média de
# uma amostra para a seguinte. Isso dá 15 números por janela. Características como essas são
# baratas de calcular em um microcontrolador e deixam a rede muito menor (a seção 4 conta
# quanto).
#
# Separamos 30% das janelas como **conjunto de teste**, que a rede nunca vê enquanto aprende, e
# padronizamos cada característica com a média e o desvio padrão do conjunto de treinamento (o
# dispositivo também precisa guardar esses 30 números).

# %% [markdown] text=4
# A rede tem uma camada oculta de 16 unidades com ReLU e uma camada de saída de quatro
# pontuações, uma por gesto. Ela aprende por **descida de gradiente** na perda de entropia cruzada:
# 400 passagens pelo conjunto de treinamento, cada uma empurrando um pouco cada peso na direção que
# reduz a perda. É exatamente o que frameworks como o TensorFlow fazem, sem o framework.

# %% figure=2 alt="Gráfico de linhas da perda de treinamento (entropia cruzada) em função da passagem pelo conjunto de treinamento, de 1 a 400. A perda começa perto de 2,1, cai bruscamente para cerca de 0,25 durante as primeiras 50 passagens e depois se estabiliza, terminando perto de 0,12."

# %% [markdown] text=5
# ## 3. Quantizar: pesos e ativações int8
#
# Os microcontroladores têm pouca memória e muitos não têm unidade de ponto flutuante. A
# **quantização** guarda cada número como um inteiro de 8 bits `q` entre -127 e 127, junto com uma
# escala `s` por tensor, de modo que o valor real seja aproximadamente `s × q`. Este laboratório usa
# o esquema mais simples, a quantização **simétrica por tensor**: `s = max(|x|) / 127`.
#
# - Os pesos são conhecidos depois do treinamento, então as suas escalas vêm dos próprios pesos.
# - As ativações (as entradas e a camada oculta) mudam a cada janela, então as suas escalas vêm de
#   uma passagem de **calibração** sobre os dados de treinamento.
# - Os vieses são guardados como inteiros de 32 bits com a escala `s_input × s_weight`, para que
#   possam ser somados diretamente no acumulador de 32 bits.
#
# A inferência então usa só inteiros: produtos int8 × int8 somados em um acumulador int32, seguidos
# de uma multiplicação de **requantização** que traz a camada oculta de volta para int8. (Em um
# dispositivo real esse multiplicador é ele próprio um inteiro de ponto fixo e um deslocamento; aqui
# ele é impresso como decimal.) A última camada não precisa de requantização: a maior pontuação
# vence, seja qual for a sua escala.

# %% figure=3 alt="Duas matrizes de confusão lado a lado, o modelo float à esquerda e o modelo int8 à direita, cada uma uma grade de quatro por quatro com contagens de janelas de teste, com o gesto verdadeiro nas linhas e o gesto previsto nas colunas (rest, wave, circle, punch). As duas são quase idênticas, com cerca de 92 por cento das 240 janelas na diagonal: o erro principal são círculos tomados por acenos (13 de 60 círculos nas duas), seguidos de acenos tomados por círculos (4 no float, 3 no int8); rest e punch quase sempre estão certos."

# %% [markdown] text=6
# ## 4. Implantar: bytes e aritmética diante de um orçamento
#
# O que o dispositivo precisa guardar?
#
# - **Flash** (somente leitura, mantém o conteúdo sem energia): os pesos, os vieses e as escalas,
#   as constantes de normalização das características e o próprio programa.
# - **RAM** (memória de trabalho): a janela de amostras sendo coletada, as características e as
#   ativações da camada sendo calculada.
#
# Contamos os parâmetros do modelo e os seus bytes em float32 (4 bytes cada) e quantizados (1 byte
# por peso, 4 bytes por viés int32, 4 bytes por escala float), e as **multiplicações-acumulações**
# (MACs) de uma inferência: uma por peso de uma camada densa.

# %% [markdown] text=7
# A extração de características custa **mais aritmética que a rede** aqui, e o buffer da janela
# ocupa mais RAM que todas as ativações. Com um modelo tão pequeno, o resto do pipeline importa:
# conte tudo, não só o modelo.
#
# Quanto custaria a rede *sem* características, alimentada diretamente com as 300 amostras brutas?

# %% [markdown] text=8
# ### Cabe?
#
# **Insira aqui os números da sua placa.** As fontes do curso não dão a flash e a RAM de uma placa
# de desenvolvimento específica, então os valores abaixo são **apenas exemplos**: 256 kB de flash
# e 64 kB de RAM, os números da folha de dados do sensor de vibração *ilustrativo* que acompanha
# este curso (`curriculum/sensors/illustrative-vibration-sensor.yaml`), que não descreve nenhum
# produto real. Consulte a folha de dados do seu próprio microcontrolador e mude-os.
#
# O programa (o código de inferência, o driver do sensor, qualquer biblioteca de execução) também
# precisa de flash e de RAM. Quanto depende da cadeia de ferramentas e não é dado pelas nossas
# fontes; os valores `PROGRAM_*` abaixo são marcadores que você deve substituir pelo que o seu
# build informar.

# %% [markdown] text=9
# O nosso modelo de gestos é minúsculo. Para comparar, aqui estão os modelos int8 das duas folhas
# de dados de sensores de ML que este curso usa (o módulo "Os sensores de ML e suas folhas de
# dados"): o MobileNetV1 do módulo de detecção de pessoas PA1 (imagem cinza de 96 × 96) e o
# detector de rostos do Person Sensor (RetinaFace, 192 × 144). A folha de dados do PA1 escreve a
# sua unidade como "Kb", o que pode significar kilobits ou kilobytes; o gráfico a lê como
# kilobytes, a maior das duas.

# %% figure=4 alt="Gráfico de barras horizontais com eixo logarítmico em kilobytes comparando flash e RAM. O modelo de gestos int8 deste laboratório precisa de cerca de meio kilobyte de flash e de menos de um kilobyte de RAM, buffer da janela incluído; os números publicados do detector de pessoas PA1 são 309,5 e 131, e os do detector de rostos do Person Sensor são 449 e 442,6; linhas verticais tracejadas marcam o orçamento de exemplo de 256 kB de flash e 64 kB de RAM, no qual o modelo de gestos cabe com folga e que os dois modelos de pessoas excedem."

# %% [markdown] text=10
# A folha de dados do PA1 também informa quanto a quantização custou ao seu detector de pessoas:
# **76,3%** de acurácia em float32 e **75,5%** em int8 (folha de dados de código aberto Rev. 3,
# p. 23). Compare essa queda com a que você mediu na seção 3.
#
# ## 5. Quanto o chip custa ao planeta
#
# Um modelo que cabe em um microcontrolador menor pode permitir escolher um chip menor. A TinyML
# CO2 Footprint Calculator (usada no módulo "A pegada ambiental do TinyML") conta o carbono do
# microcontrolador pela área do seu die. As suas opções de processamento, da biblioteca de pegada
# deste curso:

# %% [markdown] text=11
# A calculadora não relaciona a área do die com a flash ou a RAM, e as nossas fontes não dão
# números para essa relação, então este laboratório não calcula nenhuma. Trate a tabela como a
# faixa dentro da qual a escolha de um chip se move.
#
# ## Exercícios
#
# Mude os valores nas células abaixo e execute-as de novo. A página publicada mostra os valores
# padrão.
#
# ### Exercício 1: menos bits
#
# Quantize para 4 bits em vez de 8: o mesmo esquema com inteiros de -7 a 7. Quanta acurácia se
# perde, e quanta flash os pesos economizariam se dois pesos de 4 bits dividissem um byte?

# %% [markdown] text=12
# ### Exercício 2: a sua placa
#
# Coloque a flash e a RAM da sua própria placa na célula "Cabe?" acima, e os tamanhos que a sua
# cadeia de ferramentas informa para o programa. Quantas cópias deste modelo caberiam? O que acaba
# primeiro, a flash ou a RAM?
#
# ### Exercício 3: uma janela mais longa
#
# Mude `WINDOW_SECONDS` para 4 no início da seção 1 e execute o laboratório inteiro de novo. O que
# acontece com o buffer da janela, com a aritmética das características, com os MACs da rede e com
# a acurácia? Por que o tamanho da rede não muda?
#
# ### Perguntas para discutir
#
# 1. Os dados aqui são sintéticos. Cite três maneiras pelas quais dados reais de acelerômetro dos
#    pulsos dos seus estudantes seriam diferentes, e o que cada uma faria com a acurácia.
# 2. O conjunto de teste foi tirado do mesmo gerador que o conjunto de treinamento. Como seria um
#    teste justo de um reconhecedor de gestos feito para uma turma inteira?
# 3. O modelo int8 concordou com o modelo float em quase todas as janelas. Quando você esperaria
#    que a quantização prejudicasse mais?
