# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of device-footprint.py each one translates.
# # The code always comes from device-footprint.py. See CONTRIBUTING.md, "Translating a lab".
# title: Quanto um dispositivo TinyML custa ao planeta?
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: device-footprint.py
#     source_hash: sha256:45ae4336420dc2f6
# ---

# %% [markdown] text=1
# # Quanto um dispositivo TinyML custa ao planeta?
#
# Um microcontrolador que executa um detector de palavras-chave consome cerca de um miliwatt. É
# tentador concluir que o TinyML é "verde" por natureza. Neste laboratório você soma a pegada de
# carbono de um dispositivo TinyML completo, bloco a bloco, e descobre de onde vêm de fato as
# suas emissões.
#
# Os números vêm de duas fontes públicas, ambas incluídas na biblioteca `courseware.footprint`
# deste curso com a fonte de cada valor:
#
# - o artigo **"<span lang="en">Is TinyML Sustainable? Assessing the Environmental Impacts of Machine Learning on
#   Microcontrollers</span>"**, de Prakash, Stewart, Banbury, Mazumder, Warden, Plancher e Janapa Reddi
#   (*Communications of the ACM* 66(11), 2023; [arXiv 2301.11899](https://arxiv.org/abs/2301.11899));
# - a **TinyML CO2 Footprint Calculator** que o acompanha
#   ([harvard-edge.github.io/TinyML-Footprint](https://harvard-edge.github.io/TinyML-Footprint/)),
#   cujos valores por componente vêm da análise de ciclo de vida ascendente (bottom-up) de
#   dispositivos IoT de Pirson e Bol (J. Cleaner Production 322, 2021) e, para o treinamento, de
#   Dodge et al. (FAccT 2022).
#
# Todos os valores estão em **kg CO2e por dispositivo** (quilogramas de dióxido de carbono
# equivalente) ao longo de uma vida útil de três anos.
#
# **Você vai:** comparar as predefinições da calculadora com os sistemas do artigo, ver quais
# blocos dominam, colocá-los ao lado de um Apple Watch e de um MacBook Pro, e mudar você mesmo a
# área do chip, a bateria e a potência.

# %% [markdown] text=2
# ## 1. Dez blocos, uma soma
#
# A calculadora descreve um dispositivo como dez **blocos**: treinamento de ML, invólucro,
# processamento (o MCU), PCB, alimentação, sensores, outros componentes, transporte, LEDs
# indicadores e fase de uso. Para cada bloco você escolhe uma opção, e a pegada é simplesmente a
# soma das opções escolhidas. Não há nenhuma fórmula oculta: o valor de cada opção foi calculado
# de antemão a partir da literatura de análise de ciclo de vida.
#
# A calculadora abre com a predefinição **Vision**. Eis esse dispositivo, bloco a bloco, com a
# fonte que a biblioteca registra para cada valor.

# %% [markdown] text=3
# ## 2. Predefinições e os sistemas do artigo
#
# A calculadora tem duas predefinições, *Vision* e *Anomaly Detection*. O README da calculadora
# publica uma tabela de cinco sistemas (detecção de palavras-chave, detecção de anomalias e
# classificação de imagens, no melhor caso, no típico e no pior), dos quais o artigo usa três:
# **detecção de palavras-chave no melhor caso, classificação de imagens típica e classificação
# de imagens no pior caso**.
#
# As predefinições *não* reproduzem os totais do artigo: elas supõem alimentação pela rede
# elétrica, o menor invólucro e, no caso de Vision, um treinamento mais caro (MobileNetV1). Tenha
# isso em mente quando citar "o número da calculadora".

# %% [markdown] text=4
# Os totais da biblioteca são iguais aos totais publicados no README para os cinco sistemas: é
# uma reprodução fiel, portanto as comparações a seguir se apoiam nos números publicados.
#
# ## 3. Quais blocos dominam?
#
# Agora olhe dentro dos totais. A tabela dá o valor de cada bloco para cada configuração; a
# figura os empilha, de modo que o comprimento de cada segmento colorido é a parcela daquele
# bloco.

# %% figure=1 alt="Gráfico de barras horizontais empilhadas com a pegada de sete configurações TinyML, em kg CO2e; cada barra é dividida nos dez blocos da calculadora (rotulados em inglês). O pior caso de classificação de imagens é o mais longo, 7,06 kg, dominado pela bateria de íons de lítio grande (2,71) e pela câmera de 58 mm² (1,47); a classificação de imagens típica soma 3,41, com a bateria (1,36) e a câmera (0,77) como maiores segmentos; a detecção de palavras-chave no melhor caso é a mais curta, 0,89. As predefinições Vision e Anomaly Detection somam 3,24 e 1,61, com um segmento de treinamento grande (1,0) em Vision. Em todas as barras o segmento de processamento (o microcontrolador) é pequeno: de 0,08 a 0,29 kg."

# %% [markdown] text=5
# Ordene os blocos do classificador de imagens típico do artigo. O microcontrolador, a peça que dá
# nome ao TinyML, está perto do fim da lista.

# %% [markdown] text=6
# Esta é a ideia central do artigo, nas suas próprias palavras: *"The microcontroller unit (MCU)
# in TinyML devices has a relatively small footprint compared to the battery and sensing
# components; hence, TinyML devices' environmental influence rests on holistic and sustainable
# system design."* (A unidade microcontroladora dos dispositivos TinyML tem uma pegada
# relativamente pequena em comparação com a bateria e os sensores; portanto, a influência
# ambiental dos dispositivos TinyML depende de um projeto de sistema holístico e sustentável.)
# Reduzir a pegada significa escolher com cuidado a bateria, o sensor, o invólucro e a rota de
# transporte, e não apenas um chip menor.
#
# ## 4. Ao lado de um Apple Watch e de um MacBook Pro
#
# A calculadora desenha dois dispositivos de referência ao lado da barra do TinyML: um Apple
# Watch Series 7 (34 kg CO2e, segundo o Product Environmental Report da Apple, três anos de uso) e
# um MacBook Pro (349 kg CO2e; a calculadora não diz qual modelo). A figura abaixo é a versão da
# biblioteca do gráfico da calculadora, em escala logarítmica como no original. (Em uma escala
# logarítmica, os segmentos de uma barra empilhada não são desenhados em proporção: o bloco de
# treinamento de ML, embaixo, parece grande. Use a tabela acima para ler os blocos, e o gráfico
# para comparar os totais.)

# %% figure=2 alt="Gráfico de barras em escala logarítmica, como a calculadora o desenha. A primeira barra é o dispositivo TinyML típico de classificação de imagens, 3,41 kg CO2e no total, empilhado a partir dos seus dez blocos: ML Training 0,10, Casing 0,27, Processing 0,17, PCB 0,16, Power Supply 1,36, Sensing 0,77, Others 0,11, Transport 0,40, Indicator LED UI 0,06, Use-Stage 0,01. Ao lado, barras cinza para o Apple Watch Series 7, com 34 kg, cerca de 10 vezes mais, e o MacBook Pro, com 349 kg, cerca de 102 vezes mais."

# %% [markdown] text=7
# A palestra na qual este curso se baseia resume a comparação como **"5x to 38x savings over a
# 3-year lifespan"** (uma economia de 5 a 38 vezes ao longo de uma vida útil de 3 anos). Essa
# faixa é o Apple Watch dividido pelo pior e pelo melhor dos sistemas do artigo:

# %% [markdown] text=8
# ## 5. Carbono incorporado versus carbono operacional
#
# Só um bloco, a fase de uso, depende de como o dispositivo é *usado*: a eletricidade que ele
# consome ao longo da vida. A única opção da calculadora supõe 1 mW, continuamente, durante três
# anos, o que o README chama de uma potência média de TinyML segundo o MLPerf Tiny. A biblioteca
# calcula o mesmo valor pela fórmula
#
# *kg CO2e = potência (W) × ciclo de trabalho × horas × intensidade da rede (kg CO2e/kWh) / 1000*,
#
# usando a intensidade da rede que o valor da calculadora implica (a sua fonte cita um fator da
# EPA, mas não diz qual, por isso a biblioteca o marca como não documentado).

# %% [markdown] text=9
# Para um dispositivo TinyML a 1 mW, como supõe a calculadora, **fabricá-lo custa centenas de
# vezes mais carbono do que fazê-lo funcionar**. O exercício 3 pergunta quanta potência seria
# necessária para mudar isso.
#
# ## Exercícios
#
# Mude os valores nas células abaixo e execute-as de novo. A página publicada mostra os valores
# padrão.
#
# ### Exercício 1: área do chip
#
# A calculadora oferece MCUs de 5, 10 e 17 mm². A biblioteca deduz uma pegada por mm² a partir
# dessas três opções (um fator derivado: nenhuma fonte o informa), então você pode testar
# qualquer área de chip. Experimente um processador de aplicações grande, de 40 mm², ou um MCU
# minúsculo, de 2 mm². Quanto o *total* muda? O resultado é uma extrapolação além das opções da
# calculadora?

# %% [markdown] text=10
# ### Exercício 2: bateria
#
# A alimentação é o maior bloco da maioria dos sistemas. Troque-a: rede elétrica, uma bateria de
# íons de lítio típica ou uma grande. Qual escolha você faria para um sensor que precisa
# funcionar por anos em uma lavoura sem tomada, e quanto ela custa?
#
# A biblioteca recusa opções que não existem (a calculadora on-line as ignoraria sem avisar).
# Experimente um nome escrito errado, como `"Li-ion battery (huge)"`, e leia a mensagem.

# %% [markdown] text=11
# ### Exercício 3: potência
#
# 1 mW é uma média. Módulos reais podem consumir muito mais: o Person Sensor, um módulo de câmera
# cuja folha de dados está na galeria de folhas de dados deste curso, declara cerca de 150 mW.
# Defina `power_mw` (e, se quiser, `duty_cycle` entre 0 e 1, ou uma `region` como `"norway"`,
# `"world"` ou `"india"` da tabela de redes elétricas da biblioteca) e encontre a potência em que
# a fase de uso fica tão grande quanto todo o resto somado.

# %% figure=3 alt="Gráfico de linhas com os dois eixos logarítmicos: a pegada da fase de uso em três anos, em kg CO2e, em função da potência média de 0,1 mW a 10 W, com uma reta ascendente por rede elétrica (Noruega, o fator implícito da calculadora, mundo, Índia). Uma linha horizontal tracejada marca a pegada incorporada do classificador de imagens típico, 3,40 kg, e uma linha vertical pontilhada marca o 1 mW da calculadora. A 1 mW todas as redes ficam mais de cem vezes abaixo da linha tracejada; as retas a cruzam em cerca de 180 mW (Índia), 270 mW (mundo), 310 mW (fator da calculadora) e 4,3 W (Noruega)."

# %% [markdown] text=12
# ### Questões para discutir
#
# 1. As predefinições da calculadora e os sistemas do artigo diferem. Qual você citaria em um
#    relatório, e o que escreveria ao lado do número?
# 2. Em quais dois blocos você trabalharia primeiro para reduzir pela metade a pegada do
#    classificador de imagens típico? O que o dispositivo perderia?
# 3. A fase de uso de 1 mW esconde a potência real do dispositivo. Onde você encontraria o valor
#    real para um produto que você tem? (O laboratório sensor-datasheet volta a essa questão.)
