# ---
# title: Quanto um dispositivo TinyML custa ao planeta?
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: device-footprint.py
#     source_hash: sha256:45ae4336420dc2f6
# ---

# %% [markdown]
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
# - o artigo **"Is TinyML Sustainable? Assessing the Environmental Impacts of Machine Learning on
#   Microcontrollers"**, de Prakash, Stewart, Banbury, Mazumder, Warden, Plancher e Janapa Reddi
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

# %%
import matplotlib.pyplot as plt
import numpy as np

from courseware.footprint import (
    FootprintInputError,
    compare_with_references,
    configure,
    estimate,
    estimate_system,
    list_named_configurations,
    mcu_by_die_area,
    savings_range,
    use_stage_kg_co2e,
)
from courseware.footprint.plot import plot_footprint

# %% [markdown]
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

# %%
vision = estimate()  # no arguments: the calculator's start-up state, the Vision preset

for block in vision.blocks:
    print(f"{block.heading:<18} {block.option_label:<22} {block.kg_co2e:5.2f}  {block.source}")
print(f"{'Total':<41} {vision.total_kg_co2e:5.2f} kg CO2e")

# %% [markdown]
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

# %%
named = list_named_configurations()

print(f"{'Configuration':<32} {'kind':<7} {'in paper':<9} {'computed':>9} {'published':>10}")
for config in named:
    published = "-" if config.published_total_kg_co2e is None else config.published_total_kg_co2e
    in_paper = "yes" if config.in_paper else ""
    total = config.report.total_kg_co2e
    print(f"{config.name:<32} {config.kind:<7} {in_paper:<9} {total:>9.2f} {published:>10}")

# %% [markdown]
# Os totais da biblioteca são iguais aos totais publicados no README para os cinco sistemas: é
# uma reprodução fiel, portanto as comparações a seguir se apoiam nos números publicados.
#
# ## 3. Quais blocos dominam?
#
# Agora olhe dentro dos totais. A tabela dá o valor de cada bloco para cada configuração; a
# figura os empilha, de modo que o comprimento de cada segmento colorido é a parcela daquele
# bloco.

# %%
block_headings = [block.heading for block in vision.blocks]
column_names = [config.key for config in named]

print(f"{'Block':<18}" + "".join(f"{name:>19}" for name in column_names))
for heading_index, heading in enumerate(block_headings):
    values = [config.report.blocks[heading_index].kg_co2e for config in named]
    print(f"{heading:<18}" + "".join(f"{kg:>19.2f}" for kg in values))

# %% alt="Gráfico de barras horizontais empilhadas com a pegada de sete configurações TinyML, em kg CO2e; cada barra é dividida nos dez blocos da calculadora (rotulados em inglês). O pior caso de classificação de imagens é o mais longo, 7,06 kg, dominado pela bateria de íons de lítio grande (2,71) e pela câmera de 58 mm² (1,47); a classificação de imagens típica soma 3,41, com a bateria (1,36) e a câmera (0,77) como maiores segmentos; a detecção de palavras-chave no melhor caso é a mais curta, 0,89. As predefinições Vision e Anomaly Detection somam 3,24 e 1,61, com um segmento de treinamento grande (1,0) em Vision. Em todas as barras o segmento de processamento (o microcontrolador) é pequeno: de 0,08 a 0,29 kg."
fig, ax = plt.subplots(figsize=(9, 4.5))
colours = plt.get_cmap("tab10")
left_kg = np.zeros(len(named))
for heading_index, heading in enumerate(block_headings):
    values_kg = np.array([config.report.blocks[heading_index].kg_co2e for config in named])
    ax.barh(
        [config.name for config in named],
        values_kg,
        left=left_kg,
        label=heading,
        color=colours(heading_index),
    )
    left_kg += values_kg
ax.invert_yaxis()
ax.set_xlabel("kg CO2e per device")
ax.set_title("Footprint by block: calculator presets and the README's systems")
ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
fig.tight_layout()
plt.show()

# %% [markdown]
# Ordene os blocos do classificador de imagens típico do artigo. O microcontrolador, a peça que dá
# nome ao TinyML, está perto do fim da lista.

# %%
ic_typical = estimate_system("ic-typical")
ranked = sorted(ic_typical.enabled_blocks, key=lambda block: block.kg_co2e, reverse=True)
for rank, block in enumerate(ranked, start=1):
    share_percent = 100 * block.kg_co2e / ic_typical.total_kg_co2e_raw
    print(f"{rank:>2}. {block.heading:<18} {block.kg_co2e:5.2f} kg  {share_percent:5.1f} %")

# %% [markdown]
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

# %% alt="Gráfico de barras em escala logarítmica, como a calculadora o desenha. A primeira barra é o dispositivo TinyML típico de classificação de imagens, 3,41 kg CO2e no total, empilhado a partir dos seus dez blocos: ML Training 0,10, Casing 0,27, Processing 0,17, PCB 0,16, Power Supply 1,36, Sensing 0,77, Others 0,11, Transport 0,40, Indicator LED UI 0,06, Use-Stage 0,01. Ao lado, barras cinza para o Apple Watch Series 7, com 34 kg, cerca de 10 vezes mais, e o MacBook Pro, com 349 kg, cerca de 102 vezes mais."
fig, ax = plt.subplots(figsize=(7, 5.5))
plot_footprint(ic_typical, ax=ax)
plt.setp(ax.get_xticklabels(), rotation=15, horizontalalignment="right")
fig.tight_layout()
plt.show()

# %%
for comparison in compare_with_references(ic_typical):
    print(
        f"One {comparison.reference.name} ({comparison.reference.kg_co2e:g} kg CO2e) "
        f"= {comparison.ratio:.1f} typical image classifiers"
    )

# %% [markdown]
# A palestra na qual este curso se baseia resume a comparação como **"5x to 38x savings over a
# 3-year lifespan"** (uma economia de 5 a 38 vezes ao longo de uma vida útil de 3 anos). Essa
# faixa é o Apple Watch dividido pelo pior e pelo melhor dos sistemas do artigo:

# %%
savings = savings_range()  # defaults: Apple Watch S7, keyword spotting best, image class. worst
print(f"{savings.reference.name}: {savings.reference.kg_co2e:g} kg CO2e")
print(f"  / worst system {savings.worst_system_kg_co2e:.2f} kg = {savings.low_ratio:.1f}x")
print(f"  / best system  {savings.best_system_kg_co2e:.2f} kg = {savings.high_ratio:.1f}x")

# %% [markdown]
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

# %%
one_milliwatt = use_stage_kg_co2e(power_mw=1.0)
embodied_kg = ic_typical.total_kg_co2e_raw - ic_typical.block("use_stage").kg_co2e
print(f"Energy over 3 years at 1 mW: {one_milliwatt.energy_kwh:.4f} kWh")
print(f"Use stage: {one_milliwatt.kg_co2e:.4f} kg CO2e (grid: {one_milliwatt.grid.region})")
print(f"Everything else (embodied) for the typical image classifier: {embodied_kg:.2f} kg CO2e")
print(f"Embodied / operational: {embodied_kg / one_milliwatt.kg_co2e:.0f}x")

# %% [markdown]
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

# %%
die_area_mm2 = 25.0

mcu = mcu_by_die_area(die_area_mm2)
with_my_mcu = estimate(configure(system="ic-typical", custom={"processing": mcu.interval}))
print(
    f"MCU of {die_area_mm2:g} mm²: {mcu.kg_co2e:.2f} kg CO2e (extrapolated: {mcu.is_extrapolated})"
)
print(
    f"Typical image classifier: {ic_typical.total_kg_co2e:.2f} -> {with_my_mcu.total_kg_co2e:.2f}"
)

# %% [markdown]
# ### Exercício 2: bateria
#
# A alimentação é o maior bloco da maioria dos sistemas. Troque-a: rede elétrica, uma bateria de
# íons de lítio típica ou uma grande. Qual escolha você faria para um sensor que precisa
# funcionar por anos em uma lavoura sem tomada, e quanto ela custa?
#
# A biblioteca recusa opções que não existem (a calculadora on-line as ignoraria sem avisar).
# Experimente um nome escrito errado, como `"Li-ion battery (huge)"`, e leia a mensagem.

# %%
power_supply_option = "Mains powered"  # or "Li-ion battery (typical)", "Li-ion battery (large)"

try:
    swapped = estimate(
        configure(system="ic-typical", options={"power_supply": power_supply_option})
    )
except FootprintInputError as error:
    print(f"Refused: {error}")
else:
    print(f"Power supply {power_supply_option!r}: {swapped.block('power_supply').kg_co2e:.2f} kg")
    print(f"Total: {ic_typical.total_kg_co2e:.2f} -> {swapped.total_kg_co2e:.2f} kg CO2e")

# %% [markdown]
# ### Exercício 3: potência
#
# 1 mW é uma média. Módulos reais podem consumir muito mais: o Person Sensor, um módulo de câmera
# cuja folha de dados está na galeria de folhas de dados deste curso, declara cerca de 150 mW.
# Defina `power_mw` (e, se quiser, `duty_cycle` entre 0 e 1, ou uma `region` como `"norway"`,
# `"world"` ou `"india"` da tabela de redes elétricas da biblioteca) e encontre a potência em que
# a fase de uso fica tão grande quanto todo o resto somado.

# %%
power_mw = 100.0
duty_cycle = 1.0
region = "world"

use = use_stage_kg_co2e(power_mw=power_mw, duty_cycle=duty_cycle, region=region)
powered = estimate(configure(system="ic-typical", custom={"use_stage": use.interval}))
print(f"{power_mw:g} mW at duty cycle {duty_cycle:g} on the {use.grid.region} grid")
print(f"  ({use.grid.kg_co2e_per_kwh:g} kg CO2e/kWh, {use.grid.source})")
print(f"Use stage over 3 years: {use.kg_co2e:.2f} kg CO2e")
print(f"Total: {ic_typical.total_kg_co2e:.2f} -> {powered.total_kg_co2e:.2f} kg CO2e")
break_even_mw = embodied_kg / use_stage_kg_co2e(1.0, region=region).kg_co2e
print(f"Use stage equals the embodied footprint at about {break_even_mw:.0f} mW")

# %% alt="Gráfico de linhas com os dois eixos logarítmicos: a pegada da fase de uso em três anos, em kg CO2e, em função da potência média de 0,1 mW a 10 W, com uma reta ascendente por rede elétrica (Noruega, o fator implícito da calculadora, mundo, Índia). Uma linha horizontal tracejada marca a pegada incorporada do classificador de imagens típico, 3,40 kg, e uma linha vertical pontilhada marca o 1 mW da calculadora. A 1 mW todas as redes ficam mais de cem vezes abaixo da linha tracejada; as retas a cruzam em cerca de 180 mW (Índia), 270 mW (mundo), 310 mW (fator da calculadora) e 4,3 W (Noruega)."
power_range_mw = np.logspace(-1, 4, 60)
fig, ax = plt.subplots(figsize=(7, 4))
for grid_key in ("norway", "calculator-implied", "world", "india"):
    per_milliwatt = use_stage_kg_co2e(1.0, region=grid_key)
    ax.plot(power_range_mw, power_range_mw * per_milliwatt.kg_co2e, label=per_milliwatt.grid.region)
ax.axhline(embodied_kg, color="black", linestyle="--", label="Embodied, typical image classifier")
ax.axvline(1.0, color="0.6", linestyle=":")
ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlabel("Average power (mW)")
ax.set_ylabel("Use stage over 3 years (kg CO2e)")
ax.set_title("When does running a device outweigh making it?")
ax.legend(fontsize="small")
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Questões para discutir
#
# 1. As predefinições da calculadora e os sistemas do artigo diferem. Qual você citaria em um
#    relatório, e o que escreveria ao lado do número?
# 2. Em quais dois blocos você trabalharia primeiro para reduzir pela metade a pegada do
#    classificador de imagens típico? O que o dispositivo perderia?
# 3. A fase de uso de 1 mW esconde a potência real do dispositivo. Onde você encontraria o valor
#    real para um produto que você tem? (O laboratório sensor-datasheet volta a essa questão.)
