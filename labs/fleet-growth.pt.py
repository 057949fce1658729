# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of fleet-growth.py each one translates.
# # The code always comes from fleet-growth.py. See CONTRIBUTING.md, "Translating a lab".
# title: De um dispositivo a 250 bilhões
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: fleet-growth.py
#     source_hash: sha256:1f42da02a9404af4
# ---

# %% [markdown] text=1
# # De um dispositivo a 250 bilhões
#
# No laboratório device-footprint, um dispositivo TinyML custava entre cerca de 0,9 e 7 kg CO2e:
# entre cerca de um quarenta avos e um quinto dos 34 kg de um Apple Watch Series 7, a barra de
# referência da calculadora de pegada (34 / 0,89 ≈ 38; 7,06 / 34 ≈ 21%, nossa aritmética). Mas o
# TinyML não se trata de um dispositivo só. A palestra em que este curso se baseia (Brian Plancher,
# *Sustainable & Responsible TinyML*) pergunta: **"E se escalarmos para 250 bilhões de
# dispositivos?"** e observa que *"há cerca de 250 bilhões de MCUs implantados hoje e cerca de 15
# bilhões de dispositivos IoT"*.
#
# Neste laboratório você escala a pegada dos sistemas do artigo até uma frota, vê o que acontece
# com o custo de treinar um modelo quando ele é dividido por todos os dispositivos, reproduz a
# tabela de crescimento da IoT da palestra (que cita [a contagem de dispositivos IoT conectados da Statista](https://www.statista.com/statistics/1183457/iot-connected-devices-worldwide/))
# e discute o paradoxo de Jevons.
#
# Os valores por dispositivo vêm do artigo "Is TinyML Sustainable?" (Prakash et al., *Communications
# of the ACM* 66(11), 2023) e do README da TinyML CO2 Footprint Calculator, por meio da biblioteca
# `courseware.footprint` deste curso.

# %% [markdown] text=2
# ## 1. A pegada de uma frota
#
# Uma frota de dispositivos idênticos custa a pegada por dispositivo vezes o número de
# dispositivos. Seguindo a palestra, imaginamos cada um dos 250 bilhões de MCUs em uso hoje
# dentro de um sistema TinyML completo como os do artigo. A biblioteca carrega junto o intervalo
# do melhor ao pior caso de cada sistema (cada bloco no seu melhor e no seu pior caso
# publicados), então a frota também recebe uma faixa.

# %% [markdown] text=3
# Uma megatonelada (Mt) é um bilhão de quilogramas. Uma pegada desprezível por dispositivo se
# torna centenas de megatoneladas para a frota. Este é o ponto do artigo: *"quando escalada
# globalmente, a pegada de carbono dos sistemas TinyML não é desprezível, o que exige que os
# projetistas levem em conta o impacto ambiental ao conceber novos dispositivos."*
#
# Esses dispositivos não duram para sempre. Os valores da calculadora são para uma vida útil de
# três anos (a sua fase de uso e a sua bateria cobrem três anos, para coincidir com a análise da
# Apple sobre o Apple Watch), então manter em funcionamento uma frota de um dado tamanho significa
# construir de novo um terço dela a cada ano:

# %% [markdown] text=4
# ## 2. Treinamento, dividido pela frota
#
# A calculadora soma o custo total de treinar o modelo (0,1 kg CO2e para uma DenseNet, 1,0 kg
# para o MobileNetV1, para o qual usa o ViT-Tiny como aproximação; ambos segundo Dodge et al.,
# FAccT 2022) a **cada** dispositivo. Mas um modelo é treinado
# uma vez e depois copiado para cada dispositivo que o executa. A biblioteca pode *amortizar* o
# bloco de treinamento: `configure(training_devices=N)` o divide por N.
#
# A predefinição Vision da calculadora, com o seu treinamento de MobileNetV1, mostra melhor o efeito.

# %% figure=1 alt="Gráfico de linhas com eixo horizontal logarítmico: pegada por dispositivo em kg CO2e em função do número de dispositivos que compartilham um modelo treinado, de 1 a 250 bilhões. A predefinição Vision cai de 3,24 kg com um dispositivo para cerca de 2,25 kg quando algumas centenas de dispositivos compartilham o seu treinamento de MobileNetV1, e fica estável depois disso; o classificador de imagens típico, com treinamento de DenseNet, cai só de 3,41 para cerca de 3,31 kg."

# %% [markdown] text=5
# Quando um modelo é distribuído para mais de algumas centenas de dispositivos, o seu
# treinamento vira um erro de arredondamento por dispositivo, e só sobra o hardware. Duas
# ressalvas:
#
# - Amortizar supõe uma única execução de treinamento. Buscas de hiperparâmetros, retreinamento
#   e personalização multiplicam o custo do treinamento.
# - Isso não torna o treinamento gratuito: para a frota como um todo, o custo do treinamento é
#   pago uma vez por modelo, não importa quantos dispositivos o compartilhem.
#
# ## 3. Com que rapidez o número de dispositivos cresce?
#
# A palestra dá uma tabela de quando o número de dispositivos IoT, cerca de 15 bilhões em 2023,
# ultrapassaria 50 bilhões, 100 bilhões, 250 bilhões e um trilhão, sob crescimento **linear** (o
# mesmo número de novos dispositivos a cada ano) e crescimento **exponencial** (a mesma
# *porcentagem* a cada ano). A biblioteca guarda a tabela com a sua fonte e ajusta os dois
# modelos a ela.

# %% [markdown] text=6
# Os dois modelos reproduzem todos os anos da tabela da palestra. As taxas são o que a tabela
# implica, não previsões próprias: os dois cenários delimitam o que poderia acontecer.

# %% figure=2 alt="Gráfico de linhas com eixo vertical logarítmico: número de dispositivos IoT de 2023 a 2150 sob dois modelos que começam em 15 bilhões em 2023. A linha exponencial sobe de forma íngreme e passa de 50 bilhões em 2032, 100 bilhões em 2036, 250 bilhões em 2043 e um trilhão em 2053, onde para; a linha linear sobe devagar e passa de 50 bilhões em 2041, 100 bilhões em 2067 e 250 bilhões em 2144. Marcadores mostram os anos da tabela da palestra, que ficam sobre as linhas; o trilhão linear, em 2531, fica fora do gráfico."

# %% [markdown] text=7
# ## 4. Eficiência contra crescimento: o paradoxo de Jevons
#
# Em *The Coal Question* (1865), o economista William Stanley Jevons observou que máquinas a
# vapor mais eficientes não reduziram o uso de carvão da Grã-Bretanha: a energia mais barata fez
# as máquinas valerem a pena para mais usos, e o consumo total aumentou. Este é o **paradoxo de
# Jevons**: tornar cada unidade mais eficiente pode *aumentar* o total, porque a eficiência torna
# a tecnologia mais barata e mais atraente.
#
# A palestra inclui o paradoxo de Jevons entre os limites da análise de pegada. Os pontos fortes
# do TinyML (barato, de baixo consumo, pequeno) são exatamente o que poderia colocar um sensor em
# tudo. Não conseguimos calcular quanto crescimento a eficiência causa; mas conseguimos calcular
# com que rapidez o crescimento *anula* um ganho de eficiência.
#
# Suponha que todo dispositivo fosse reprojetado do classificador de imagens típico para o
# detector de palavras-chave do melhor caso, um grande corte na pegada por dispositivo. Quantos
# anos de crescimento exponencial trazem a pegada da frota de volta ao ponto de partida?

# %% figure=3 alt="Gráfico de linhas com eixo vertical logarítmico: pegada de ciclo de vida de todos os dispositivos IoT em uso, em megatoneladas de CO2e, de 2023 a 2060. Quatro linhas: crescimento exponencial (contínua) e crescimento linear (tracejada), cada um com classificadores de imagens típicos (3,41 kg cada) e com detectores de palavras-chave do melhor caso (0,89 kg cada). Uma linha horizontal pontilhada marca o nível de hoje, 15 bilhões de classificadores de imagens típicos, cerca de 51 Mt. As duas linhas de detectores de palavras-chave começam 3,8 vezes mais baixas, em cerca de 13 Mt; a exponencial cruza a linha pontilhada em 2032 ou 2033, a linear por volta de 2045. Em 2060 o crescimento exponencial chega a cerca de 9300 Mt com classificadores de imagens e 2400 Mt com detectores de palavras-chave."

# %% [markdown] text=8
# Na taxa exponencial da palestra, todo o ganho de um projeto muito mais enxuto desaparece em
# menos de dez anos. A eficiência por dispositivo é necessária, mas não torna, por si só,
# sustentável uma tecnologia em crescimento. Outras alavancas são o número de dispositivos, a sua
# vida útil, o reúso e o conserto, e o que os dispositivos *economizam* em outros setores (o lado
# dos benefícios no argumento do artigo, que uma pegada não mede).
#
# ## Exercícios
#
# Mude os valores nas células abaixo e execute-as de novo. A página publicada mostra os valores
# padrão.
#
# ### Exercício 1: a sua própria frota
#
# Escolha um produto (um termostato inteligente, uma câmera de vida selvagem, um brinquedo com
# detecção de palavras-chave), escolha o sistema mais próximo dele (`"kws-best"`, `"kws-typical"`,
# `"ad-typical"`, `"ic-typical"` ou `"ic-worst"`) e um número de unidades vendidas. Como a pegada
# se compara com um número que você mesmo pesquise, como as emissões anuais de uma cidade ou de
# um país?

# %% [markdown] text=9
# ### Exercício 2: vida útil
#
# Um dispositivo que dura mais é substituído com menos frequência. Mude `device_lifetime_years` e
# veja como muda o custo anual de manter 250 bilhões de dispositivos em serviço. (Uma vida mais
# longa pode exigir uma bateria maior: volte ao laboratório device-footprint para ver quanto isso
# custa.)

# %% [markdown] text=10
# ### Exercício 3: uma taxa de crescimento diferente
#
# O cenário exponencial da palestra cresce cerca de 15% ao ano. Monte um modelo seu com outro
# crescimento anual e veja quando ele chega a 250 bilhões de dispositivos, e quanto tempo leva
# para anular o ganho de eficiência de 3,8x da seção 4.

# %% [markdown] text=11
# ### Perguntas para discutir
#
# 1. Os números da frota supõem que cada MCU é um sistema TinyML completo, com bateria e sensor.
#    Isso é uma superestimativa ou uma subestimativa, e por quê?
# 2. O paradoxo de Jevons diz que a eficiência pode aumentar o uso total. Cite uma aplicação de
#    TinyML em que isso pareça provável, e uma em que os dispositivos substituem algo com uma
#    pegada maior.
# 3. Se um sensor TinyML ajuda um prédio a reduzir o seu consumo de energia, como você pesaria
#    esse benefício contra a pegada do sensor? De que dados você precisaria?
