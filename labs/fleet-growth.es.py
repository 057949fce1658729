# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of fleet-growth.py each one translates.
# # The code always comes from fleet-growth.py. See CONTRIBUTING.md, "Translating a lab".
# title: De un dispositivo a 250 000 millones
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: fleet-growth.py
#     source_hash: sha256:1f42da02a9404af4
# ---

# %% [markdown] text=1
# # De un dispositivo a 250 000 millones
#
# En el laboratorio device-footprint, un dispositivo TinyML costaba entre unos 0,9 y 7 kg CO2e:
# entre aproximadamente una cuarentava parte y una quinta parte de los 34 kg de un Apple Watch
# Series 7, la barra de referencia de la calculadora de huella (34 / 0,89 ≈ 38; 7,06 / 34 ≈ 21 %,
# nuestra aritmética). Pero TinyML no trata de un solo dispositivo. La charla en la que se basa
# este curso (Brian Plancher, *Sustainable & Responsible TinyML*) pregunta: **«¿Y si escalamos a
# 250 000 millones de dispositivos?»** y señala que *«hoy hay unos 250 000 millones de MCU
# desplegados y unos 15 000 millones de dispositivos IoT»* (traducción nuestra).
#
# En este laboratorio escalas la huella de los sistemas del artículo a una flota, ves qué pasa con
# el costo de entrenar un modelo cuando lo comparten todos los dispositivos, reproduces la tabla de
# crecimiento del IoT de la charla (que cita el [recuento de dispositivos IoT conectados de Statista](https://www.statista.com/statistics/1183457/iot-connected-devices-worldwide/))
# y discutes la paradoja de Jevons.
#
# Los valores por dispositivo proceden del artículo «Is TinyML Sustainable?» (Prakash et al.,
# *Communications of the ACM* 66(11), 2023) y del README de la TinyML CO2 Footprint Calculator, a
# través de la biblioteca `courseware.footprint` de este curso.

# %% [markdown] text=2
# ## 1. La huella de una flota
#
# Una flota de dispositivos idénticos cuesta la huella por dispositivo multiplicada por el número
# de dispositivos. Siguiendo la charla, imaginamos cada uno de los 250 000 millones de MCU en uso
# hoy dentro de un sistema TinyML completo como los del artículo. La biblioteca conserva el
# intervalo del mejor al peor caso de cada sistema (cada bloque en su mejor y su peor caso
# publicados), así que la flota también recibe un rango.

# %% [markdown] text=3
# Una megatonelada (Mt) son mil millones de kilogramos. Una huella despreciable por dispositivo se
# convierte en cientos de megatoneladas para la flota. Esa es la idea del artículo: *«a escala
# mundial, la huella de carbono de los sistemas TinyML no es despreciable, por lo que los
# diseñadores deben tener en cuenta el impacto ambiental al concebir nuevos dispositivos»*
# (traducción nuestra).
#
# Estos dispositivos no duran para siempre. Los valores de la calculadora corresponden a una vida
# útil de tres años (su etapa de uso y su batería cubren tres años, para coincidir con el análisis
# que Apple hace del Apple Watch), así que mantener en funcionamiento una flota de cierto tamaño
# significa volver a fabricar un tercio de ella cada año:

# %% [markdown] text=4
# ## 2. El entrenamiento, compartido por la flota
#
# La calculadora suma el costo completo de entrenar el modelo (0,1 kg CO2e para una DenseNet,
# 1,0 kg para MobileNetV1, para la que usa ViT-Tiny como aproximación; ambos según Dodge et al.,
# FAccT 2022) a **cada** dispositivo. Pero un modelo se entrena una vez y luego se copia en cada
# dispositivo que lo ejecuta. La biblioteca puede *amortizar* el bloque de entrenamiento:
# `configure(training_devices=N)` lo divide entre N.
#
# La configuración predefinida Vision de la calculadora, con su entrenamiento de MobileNetV1, es la
# que mejor muestra el efecto.

# %% figure=1 alt="Gráfico de líneas con un eje horizontal logarítmico: huella por dispositivo en kg CO2e frente al número de dispositivos que comparten un mismo modelo entrenado, de 1 a 250 000 millones. La configuración Vision baja de 3,24 kg con un dispositivo a unos 2,25 kg en cuanto unos cientos de dispositivos comparten su entrenamiento de MobileNetV1, y después se mantiene plana; el clasificador de imágenes típico, con entrenamiento de DenseNet, solo baja de 3,41 a unos 3,31 kg."

# %% [markdown] text=5
# En cuanto un modelo llega a más de unos cientos de dispositivos, su entrenamiento es un error de
# redondeo por dispositivo, y solo queda el hardware. Dos salvedades:
#
# - Amortizar supone un único entrenamiento. Las búsquedas de hiperparámetros, los
#   reentrenamientos y la personalización multiplican el costo del entrenamiento.
# - No hace gratuito el entrenamiento: para la flota en su conjunto, el costo del entrenamiento se
#   paga una vez por modelo, sin importar cuántos dispositivos lo compartan.
#
# ## 3. ¿Qué tan rápido crece el número de dispositivos?
#
# La charla da una tabla de cuándo el número de dispositivos IoT, unos 15 000 millones en 2023,
# superaría los 50 000 millones, los 100 000 millones, los 250 000 millones y el billón (10¹²), con
# un crecimiento **lineal** (el mismo número de dispositivos nuevos cada año) y un crecimiento
# **exponencial** (el mismo *porcentaje* cada año). La biblioteca guarda la tabla con su fuente y
# ajusta ambos modelos a ella.

# %% [markdown] text=6
# Ambos modelos reproducen todos los años de la tabla de la charla. Las tasas son las que implica
# la tabla, no pronósticos propios: los dos escenarios acotan lo que podría pasar.

# %% figure=2 alt="Gráfico de líneas con un eje vertical logarítmico: número de dispositivos IoT de 2023 a 2150 según dos modelos que parten de 15 000 millones en 2023. La línea exponencial sube con fuerza y supera los 50 000 millones en 2032, los 100 000 millones en 2036, los 250 000 millones en 2043 y el billón en 2053, donde se detiene; la línea lineal sube despacio y supera los 50 000 millones en 2041, los 100 000 millones en 2067 y los 250 000 millones en 2144. Unos marcadores muestran los años de la tabla de la charla, que caen sobre las líneas; el billón lineal, en 2531, queda fuera del gráfico."

# %% [markdown] text=7
# ## 4. Eficiencia frente a crecimiento: la paradoja de Jevons
#
# En *The Coal Question* (1865), el economista William Stanley Jevons observó que las máquinas de
# vapor más eficientes no redujeron el consumo de carbón de Gran Bretaña: la energía más barata
# hizo que valiera la pena usar máquinas para más cosas, y el consumo total aumentó. Esta es la
# **paradoja de Jevons**: hacer cada unidad más eficiente puede *aumentar* el total, porque la
# eficiencia hace la tecnología más barata y atractiva.
#
# La charla incluye la paradoja de Jevons entre los límites del análisis de huella. Los puntos
# fuertes de TinyML (barato, de bajo consumo, pequeño) son justamente lo que podría poner un
# sensor en todo. No podemos calcular cuánto crecimiento causa la eficiencia; pero sí podemos
# calcular qué tan rápido el crecimiento *anula* una ganancia de eficiencia.
#
# Supongamos que cada dispositivo se rediseñara, del clasificador de imágenes típico al detector de
# palabras clave del mejor caso, un gran recorte de la huella por dispositivo. ¿Cuántos años de
# crecimiento exponencial devuelven la huella de la flota al punto de partida?

# %% figure=3 alt="Gráfico de líneas con un eje vertical logarítmico: huella de ciclo de vida de todos los dispositivos IoT en uso, en megatoneladas de CO2e, de 2023 a 2060. Cuatro líneas: crecimiento exponencial (continua) y crecimiento lineal (discontinua), cada una con clasificadores de imágenes típicos (3,41 kg cada uno) y con detectores de palabras clave del mejor caso (0,89 kg cada uno). Una línea horizontal punteada marca el nivel actual, 15 000 millones de clasificadores de imágenes típicos, unas 51 Mt. Las dos líneas de detectores de palabras clave empiezan 3,8 veces más abajo, en unas 13 Mt; la exponencial cruza la línea punteada en 2032 o 2033, la lineal hacia 2045. En 2060 el crecimiento exponencial llega a unas 9300 Mt con clasificadores de imágenes y 2400 Mt con detectores de palabras clave."

# %% [markdown] text=8
# Al ritmo exponencial de la charla, toda la ganancia de un diseño mucho más austero desaparece en
# menos de diez años. La eficiencia por dispositivo es necesaria, pero por sí sola no hace
# sostenible una tecnología en crecimiento. Otras palancas son el número de dispositivos, su vida
# útil, la reutilización y la reparación, y lo que los dispositivos *ahorran* en otros sectores
# (el lado de los beneficios del argumento del artículo, que una huella no mide).
#
# ## Ejercicios
#
# Cambia los valores de las celdas de abajo y vuelve a ejecutarlas. La página publicada muestra
# los valores predeterminados.
#
# ### Ejercicio 1: tu propia flota
#
# Elige un producto (un termostato inteligente, una cámara trampa, un juguete con detección de
# palabras clave), elige el sistema más parecido (`"kws-best"`, `"kws-typical"`, `"ad-typical"`,
# `"ic-typical"` o `"ic-worst"`) y un número de unidades vendidas. ¿Cómo se compara la huella con
# una cifra que busques tú, como las emisiones anuales de una ciudad o de un país?

# %% [markdown] text=9
# ### Ejercicio 2: vida útil
#
# Un dispositivo que dura más se reemplaza con menos frecuencia. Cambia `device_lifetime_years` y
# mira cómo cambia el costo anual de mantener en servicio 250 000 millones de dispositivos. (Una
# vida más larga puede requerir una batería más grande: vuelve al laboratorio device-footprint
# para ver cuánto cuesta eso).

# %% [markdown] text=10
# ### Ejercicio 3: otra tasa de crecimiento
#
# El escenario exponencial de la charla crece alrededor de un 15 % al año. Construye un modelo
# propio con otro crecimiento anual y mira cuándo llega a 250 000 millones de dispositivos, y
# cuánto tarda en anular la ganancia de eficiencia de 3,8x de la sección 4.

# %% [markdown] text=11
# ### Preguntas para discutir
#
# 1. Las cifras de la flota suponen que cada MCU es un sistema TinyML completo con una batería y un
#    sensor. ¿Es una sobrestimación o una subestimación, y por qué?
# 2. La paradoja de Jevons dice que la eficiencia puede aumentar el uso total. Nombra una
#    aplicación de TinyML donde eso parezca probable, y otra donde los dispositivos reemplacen algo
#    con una huella mayor.
# 3. Si un sensor TinyML ayuda a un edificio a reducir su consumo de energía, ¿cómo sopesarías ese
#    beneficio frente a la huella del sensor? ¿Qué datos necesitarías?
