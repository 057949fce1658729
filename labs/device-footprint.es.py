# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of device-footprint.py each one translates.
# # The code always comes from device-footprint.py. See CONTRIBUTING.md, "Translating a lab".
# title: ¿Cuánto le cuesta al planeta un dispositivo TinyML?
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: device-footprint.py
#     source_hash: sha256:45ae4336420dc2f6
# ---

# %% [markdown] text=1
# # ¿Cuánto le cuesta al planeta un dispositivo TinyML?
#
# Un microcontrolador que ejecuta un detector de palabras clave consume alrededor de un
# milivatio. Es tentador concluir que TinyML es «verde» por construcción. En este laboratorio
# sumas la huella de carbono de un dispositivo TinyML completo, bloque a bloque, y descubres de
# dónde vienen realmente sus emisiones.
#
# Las cifras proceden de dos fuentes públicas, ambas incluidas en la biblioteca
# `courseware.footprint` de este curso con la fuente de cada valor:
#
# - el artículo **"Is TinyML Sustainable? Assessing the Environmental Impacts of Machine Learning on
#   Microcontrollers"** de Prakash, Stewart, Banbury, Mazumder, Warden, Plancher y Janapa Reddi
#   (*Communications of the ACM* 66(11), 2023; [arXiv 2301.11899](https://arxiv.org/abs/2301.11899));
# - la **TinyML CO2 Footprint Calculator** que lo acompaña
#   ([harvard-edge.github.io/TinyML-Footprint](https://harvard-edge.github.io/TinyML-Footprint/)),
#   cuyos valores por componente proceden del análisis de ciclo de vida ascendente de dispositivos
#   IoT de Pirson y Bol (J. Cleaner Production 322, 2021) y, para el entrenamiento, de Dodge et al.
#   (FAccT 2022).
#
# Todos los valores están en **kg CO2e por dispositivo** (kilogramos de dióxido de carbono
# equivalente) a lo largo de una vida de tres años.
#
# **Vas a:** comparar las configuraciones predefinidas de la calculadora con los sistemas del
# artículo, ver qué bloques dominan, ponerlos junto a un Apple Watch y un MacBook Pro, y cambiar
# tú mismo el área del chip, la batería y la potencia.

# %% [markdown] text=2
# ## 1. Diez bloques, una suma
#
# La calculadora describe un dispositivo como diez **bloques**: entrenamiento de ML, carcasa,
# procesamiento (el MCU), PCB, alimentación, sensores, otros componentes, transporte, LED
# indicadores y fase de uso. Para cada bloque eliges una opción, y la huella es simplemente la
# suma de las opciones elegidas. No hay ninguna fórmula oculta: el valor de cada opción se
# calculó de antemano a partir de la literatura de análisis de ciclo de vida.
#
# La calculadora se abre con la configuración predefinida **Vision**. Este es ese dispositivo,
# bloque a bloque, con la fuente que la biblioteca registra para cada valor.

# %% [markdown] text=3
# ## 2. Configuraciones predefinidas y sistemas del artículo
#
# La calculadora tiene dos configuraciones predefinidas, *Vision* y *Anomaly Detection*. El README
# de la calculadora publica una tabla de cinco sistemas (detección de palabras clave, detección de
# anomalías y clasificación de imágenes, en el mejor caso, el típico y el peor), de los que el
# artículo usa tres: **detección de palabras clave en el mejor caso, clasificación de imágenes
# típica y clasificación de imágenes en el peor caso**.
#
# Las configuraciones predefinidas *no* reproducen los totales del artículo: suponen alimentación
# de red, la carcasa más pequeña y, en Vision, un entrenamiento más costoso (MobileNetV1). Tenlo
# en cuenta cuando cites «la cifra de la calculadora».

# %% [markdown] text=4
# Los totales de la biblioteca coinciden con los totales publicados en el README para los cinco
# sistemas: es una reproducción fiel, así que las comparaciones siguientes se basan en las cifras
# publicadas.
#
# ## 3. ¿Qué bloques dominan?
#
# Ahora mira dentro de los totales. La tabla da el valor de cada bloque para cada configuración;
# la figura los apila, de modo que la longitud de cada segmento de color es la parte de ese bloque.

# %% figure=1 alt="Gráfico de barras horizontales apiladas con la huella de siete configuraciones TinyML, en kg CO2e; cada barra se divide en los diez bloques de la calculadora (rotulados en inglés). El peor caso de clasificación de imágenes es el más largo, 7,06 kg, dominado por la batería de iones de litio grande (2,71) y la cámara de 58 mm² (1,47); la clasificación de imágenes típica suma 3,41, con la batería (1,36) y la cámara (0,77) como segmentos mayores; la detección de palabras clave en el mejor caso es la más corta, 0,89. Las configuraciones predefinidas Vision y Anomaly Detection suman 3,24 y 1,61, con un segmento de entrenamiento grande (1,0) en Vision. En todas las barras el segmento de procesamiento (el microcontrolador) es pequeño: de 0,08 a 0,29 kg."

# %% [markdown] text=5
# Ordena los bloques del clasificador de imágenes típico del artículo. El microcontrolador, la
# pieza que da nombre a TinyML, está cerca del final.

# %% [markdown] text=6
# Esta es la idea clave del artículo, en sus propias palabras: *"The microcontroller unit (MCU) in
# TinyML devices has a relatively small footprint compared to the battery and sensing components;
# hence, TinyML devices' environmental influence rests on holistic and sustainable system
# design."* (La unidad microcontroladora de los dispositivos TinyML tiene una huella relativamente
# pequeña comparada con la batería y los sensores; por tanto, la influencia ambiental de los
# dispositivos TinyML depende de un diseño de sistema integral y sostenible). Reducir la huella
# significa elegir con cuidado la batería, el sensor, la carcasa y la ruta de envío, no solo un
# chip más pequeño.
#
# ## 4. Junto a un Apple Watch y un MacBook Pro
#
# La calculadora dibuja dos dispositivos de referencia junto a la barra de TinyML: un Apple Watch
# Series 7 (34 kg CO2e, según el Product Environmental Report de Apple, tres años de uso) y un
# MacBook Pro (349 kg CO2e; la calculadora no dice qué modelo). La figura siguiente es la versión
# de la biblioteca del gráfico de la calculadora, en escala logarítmica como en el original. (En
# una escala logarítmica los segmentos de una barra apilada no se dibujan a escala: el bloque de
# entrenamiento de ML, abajo, parece grande. Usa la tabla anterior para leer los bloques, y el
# gráfico para comparar los totales).

# %% figure=2 alt="Gráfico de barras en escala logarítmica, como lo dibuja la calculadora. La primera barra es el dispositivo TinyML típico de clasificación de imágenes, 3,41 kg CO2e en total, apilado a partir de sus diez bloques: ML Training 0,10, Casing 0,27, Processing 0,17, PCB 0,16, Power Supply 1,36, Sensing 0,77, Others 0,11, Transport 0,40, Indicator LED UI 0,06, Use-Stage 0,01. A su lado, barras grises para el Apple Watch Series 7, con 34 kg, unas 10 veces más, y el MacBook Pro, con 349 kg, unas 102 veces más."

# %% [markdown] text=7
# La charla en la que se basa este curso resume la comparación como **"5x to 38x savings over a
# 3-year lifespan"** (un ahorro de 5 a 38 veces a lo largo de una vida útil de 3 años). Ese rango
# es el Apple Watch dividido entre el peor y entre el mejor de los sistemas del artículo:

# %% [markdown] text=8
# ## 5. Carbono incorporado frente a carbono operativo
#
# Solo un bloque, la fase de uso, depende de cómo se *usa* el dispositivo: la electricidad que
# consume a lo largo de su vida. La única opción de la calculadora supone 1 mW, de forma
# continua, durante tres años, lo que el README llama una potencia media de TinyML según MLPerf
# Tiny. La biblioteca calcula el mismo valor con la fórmula
#
# *kg CO2e = potencia (W) × ciclo de trabajo × horas × intensidad de la red (kg CO2e/kWh) / 1000*,
#
# usando la intensidad de la red que implica el valor de la calculadora (su fuente cita un factor
# de la EPA, pero no cuál, así que la biblioteca lo marca como no documentado).

# %% [markdown] text=9
# Para un dispositivo TinyML a 1 mW, como supone la calculadora, **fabricarlo cuesta cientos de
# veces más carbono que hacerlo funcionar**. El ejercicio 3 pregunta cuánta potencia haría falta
# para cambiar eso.
#
# ## Ejercicios
#
# Cambia los valores de las celdas siguientes y vuelve a ejecutarlas. La página publicada muestra
# los valores por defecto.
#
# ### Ejercicio 1: área del chip
#
# La calculadora ofrece MCU de 5, 10 y 17 mm². La biblioteca deduce una huella por mm² a partir de
# esas tres opciones (un factor derivado: ninguna fuente lo indica), así que puedes probar
# cualquier área de chip. Prueba un procesador de aplicaciones grande de 40 mm², o un MCU
# diminuto de 2 mm². ¿Cuánto cambia el *total*? ¿Es el resultado una extrapolación más allá de
# las opciones de la calculadora?

# %% [markdown] text=10
# ### Ejercicio 2: batería
#
# La alimentación es el bloque más grande de la mayoría de los sistemas. Cámbiala: alimentación
# de red, una batería de iones de litio típica o una grande. ¿Qué elegirías para un sensor que
# debe funcionar durante años en un campo sin enchufe, y cuánto cuesta?
#
# La biblioteca rechaza las opciones que no existen (la calculadora en línea las ignoraría sin
# avisar). Prueba un nombre mal escrito como `"Li-ion battery (huge)"` y lee el mensaje.

# %% [markdown] text=11
# ### Ejercicio 3: potencia
#
# 1 mW es una media. Los módulos reales pueden consumir mucho más: el Person Sensor, un módulo
# de cámara cuya hoja de datos está en la galería de hojas de datos de este curso, declara unos
# 150 mW. Fija `power_mw` (y, si quieres, `duty_cycle` entre 0 y 1, o una `region` como
# `"norway"`, `"world"` o `"india"` de la tabla de redes eléctricas de la biblioteca) y encuentra
# la potencia a la que la fase de uso llega a ser tan grande como todo lo demás junto.

# %% figure=3 alt="Gráfico de líneas con ambos ejes logarítmicos: la huella de la fase de uso en tres años, en kg CO2e, frente a la potencia media de 0,1 mW a 10 W, con una recta ascendente por red eléctrica (Noruega, el factor implícito de la calculadora, el mundo, la India). Una línea horizontal discontinua marca la huella incorporada del clasificador de imágenes típico, 3,40 kg, y una línea vertical punteada marca el 1 mW de la calculadora. A 1 mW todas las redes quedan más de cien veces por debajo de la línea discontinua; las rectas la cruzan hacia 180 mW (la India), 270 mW (el mundo), 310 mW (el factor de la calculadora) y 4,3 W (Noruega)."

# %% [markdown] text=12
# ### Preguntas para debatir
#
# 1. Las configuraciones predefinidas de la calculadora y los sistemas del artículo difieren.
#    ¿Cuál citarías en un informe, y qué escribirías junto a la cifra?
# 2. ¿En qué dos bloques trabajarías primero para reducir a la mitad la huella del clasificador
#    de imágenes típico? ¿Qué perdería el dispositivo?
# 3. La fase de uso de 1 mW oculta la potencia real del dispositivo. ¿Dónde encontrarías el valor
#    real para un producto que tengas? (El laboratorio sensor-datasheet vuelve sobre esta
#    pregunta).
