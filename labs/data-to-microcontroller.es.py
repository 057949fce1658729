# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of data-to-microcontroller.py each one translates.
# # The code always comes from data-to-microcontroller.py. See CONTRIBUTING.md, "Translating a lab".
# title: De los datos a un microcontrolador, con numpy
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: data-to-microcontroller.py
#     source_hash: sha256:d935924f8c5c1db2
# ---

# %% [markdown] text=1
# # De los datos a un microcontrolador, con numpy
#
# Un proyecto TinyML pasa por cuatro pasos: **recolectar** datos, **entrenar** un modelo,
# **cuantizarlo** para que quepa y **desplegarlo** en una placa. Este laboratorio recorre los cuatro
# con un reconocedor de gestos para un acelerómetro de muñeca, sin placa y sin red:
#
# 1. *genera* los datos (una señal sintética de acelerómetro de tres ejes para cuatro gestos),
#    porque un laboratorio que debe funcionar sin conexión en cualquier computadora portátil no
#    puede recolectar datos reales;
# 2. extrae unas pocas características sencillas y entrena una pequeña red neuronal solo con numpy;
# 3. cuantiza la red a enteros de 8 bits (int8) y la ejecuta solo con aritmética entera, como lo
#    haría un microcontrolador sin unidad de punto flotante;
# 4. cuenta los bytes y las multiplicaciones-acumulaciones que necesita el modelo y los compara con
#    la memoria flash y la RAM de un microcontrolador.
#
# Todo usa una semilla fija, así que cada ejecución imprime los mismos números. Los datos son
# sintéticos: la exactitud que obtienes aquí dice qué tan bien funciona el proceso con *esta*
# señal, no qué tan bien funciona un reconocedor de gestos con personas. El módulo «De los datos a
# un microcontrolador» explica qué cambia con datos reales.

# %% [markdown] text=2
# ## 1. Recolectar: un acelerómetro sintético
#
# Un acelerómetro mide la aceleración a lo largo de tres ejes, en unidades de *g* (9,81 m/s²). En
# reposo sigue marcando 1 g: la gravedad, que apunta hacia abajo. Nuestro sensor imaginario toma
# **50 muestras por segundo** y cortamos el flujo en **ventanas de 2 segundos** (100 muestras por
# eje). Cada ventana recibe una de cuatro etiquetas:
#
# - **rest** (reposo): el brazo está quieto; solo hay gravedad, una deriva lenta y ruido;
# - **wave** (saludo): de lado a lado, sobre todo a lo largo de x, de 1 a 2,5 veces por segundo;
# - **circle** (círculo): la mano dibuja un círculo, así que x e y oscilan con un desfase de un
#   cuarto de vuelta;
# - **punch** (golpe): un golpe seco a lo largo de z y luego un retroceso.
#
# Cada ventana recibe además una inclinación aleatoria (así que la gravedad no siempre está en z),
# un tamaño y una velocidad de movimiento aleatorios y ruido del sensor. Son decisiones de este
# laboratorio, pensadas para que la tarea no sea ni trivial ni imposible; los gestos reales varían
# de formas que ningún generador conoce.

# %% figure=1 alt="Cuatro pequeños gráficos de líneas en una cuadrícula de dos por dos, uno por gesto (rest, wave, circle, punch), cada uno con dos segundos de una ventana sintética: la aceleración en x, y y z en g frente al tiempo. Rest son tres líneas planas con ruido cerca de 0, 0 y 1 g; wave hace subir y bajar la línea x varias veces; circle mueve x e y con un desfase de un cuarto de vuelta, en este ejemplo tan suavemente que el ruido casi lo oculta; punch es plano salvo por un pico brusco en z de casi 3 g cerca del primer segundo, seguido de una caída."

# %% [markdown] text=3
# ## 2. Entrenar: características y una red pequeña
#
# Una ventana tiene 300 números. En lugar de dárselos todos a la red, calculamos **cinco
# características por eje**: la media, la desviación estándar, el mínimo, el máximo y el cambio
# absoluto medio de una muestra a la siguiente. Eso da 15 números por ventana. Características
# como estas son baratas de calcular en un microcontrolador y hacen la red mucho más pequeña (la
# sección 4 cuenta cuánto).
#
# Apartamos el 30 % de las ventanas como **conjunto de prueba**, que la red nunca ve mientras
# aprende, y estandarizamos cada característica con la media y la desviación estándar del
# conjunto de entrenamiento (el dispositivo también debe almacenar esos 30 números).

# %% [markdown] text=4
# La red tiene una capa oculta de 16 unidades con ReLU y una capa de salida de cuatro puntuaciones,
# una por gesto. Aprende por **descenso de gradiente** sobre la pérdida de entropía cruzada: 400
# pasadas sobre el conjunto de entrenamiento, cada una moviendo un poco cada peso en la dirección
# que reduce la pérdida. Es exactamente lo que hacen frameworks como TensorFlow, sin el framework.

# %% figure=2 alt="Gráfico de líneas de la pérdida de entrenamiento (entropía cruzada) frente a la pasada sobre el conjunto de entrenamiento, de 1 a 400. La pérdida empieza cerca de 2,1, baja con fuerza hasta unos 0,25 durante las primeras 50 pasadas y luego se aplana, para terminar cerca de 0,12."

# %% [markdown] text=5
# ## 3. Cuantizar: pesos y activaciones int8
#
# Los microcontroladores andan escasos de memoria y muchos no tienen unidad de punto flotante. La
# **cuantización** guarda cada número como un entero `q` de 8 bits entre -127 y 127 junto con una
# escala `s` por tensor, de modo que el valor real es aproximadamente `s × q`. Este laboratorio usa
# el esquema más sencillo, la cuantización **simétrica por tensor**: `s = max(|x|) / 127`.
#
# - Los pesos se conocen después del entrenamiento, así que sus escalas salen de los propios pesos.
# - Las activaciones (las entradas y la capa oculta) cambian con cada ventana, así que sus escalas
#   salen de una pasada de **calibración** sobre los datos de entrenamiento.
# - Los sesgos se guardan como enteros de 32 bits con la escala `s_input × s_weight`, para poder
#   sumarlos directamente en el acumulador de 32 bits.
#
# La inferencia usa entonces solo enteros: productos int8 × int8 sumados en un acumulador int32, y
# luego una multiplicación de **recuantización** que devuelve la capa oculta a int8. (En un
# dispositivo real ese multiplicador es a su vez un entero de punto fijo y un desplazamiento; aquí
# se imprime como decimal). La última capa no necesita recuantización: gana la puntuación más alta
# sea cual sea su escala.

# %% figure=3 alt="Dos matrices de confusión una junto a otra, el modelo de punto flotante a la izquierda y el modelo int8 a la derecha, cada una una cuadrícula de cuatro por cuatro con el número de ventanas de prueba, con el gesto real en las filas y el gesto predicho en las columnas (rest, wave, circle, punch). Ambas son casi idénticas, con alrededor del 92 por ciento de las 240 ventanas en la diagonal: el error principal son círculos tomados por saludos (13 de 60 círculos en ambas), luego saludos tomados por círculos (4 en punto flotante, 3 en int8); rest y punch casi siempre aciertan."

# %% [markdown] text=6
# ## 4. Desplegar: bytes y aritmética frente a un presupuesto
#
# ¿Qué debe guardar el dispositivo?
#
# - La **flash** (de solo lectura, conserva su contenido sin alimentación): los pesos, los sesgos y
#   las escalas, las constantes de normalización de las características y el propio programa.
# - La **RAM** (memoria de trabajo): la ventana de muestras que se está recolectando, las
#   características y las activaciones de la capa que se está calculando.
#
# Contamos los parámetros del modelo y sus bytes en float32 (4 bytes cada uno) y cuantizados (1
# byte por peso, 4 bytes por sesgo int32, 4 bytes por escala de punto flotante), y las
# **multiplicaciones-acumulaciones** (MAC) de una inferencia: una por cada peso de una capa densa.

# %% [markdown] text=7
# Aquí la extracción de características cuesta **más aritmética que la red**, y el búfer de la
# ventana ocupa más RAM que todas las activaciones. Con un modelo tan pequeño, el resto del proceso
# importa: cuéntalo todo, no solo el modelo.
#
# ¿Cuánto costaría la red *sin* características, alimentada directamente con las 300 muestras en
# bruto?

# %% [markdown] text=8
# ### ¿Cabe?
#
# **Introduce aquí las cifras de tu placa.** Las fuentes del curso no dan la flash ni la RAM de una
# placa de desarrollo concreta, así que los valores de abajo son **solo ejemplos**: 256 kB de flash
# y 64 kB de RAM, las cifras de la hoja de datos del sensor de vibración *ilustrativo* que viene con
# este curso (`curriculum/sensors/illustrative-vibration-sensor.yaml`), que no describe ningún
# producto real. Consulta la hoja de datos de tu propio microcontrolador y cámbialos.
#
# El programa (el código de inferencia, el controlador del sensor, cualquier biblioteca de
# ejecución) también necesita flash y RAM. Cuánto depende de la cadena de herramientas y nuestras
# fuentes no lo dan; los valores `PROGRAM_*` de abajo son marcadores de posición que deberías
# reemplazar por lo que informe tu compilación.

# %% [markdown] text=9
# Nuestro modelo de gestos es diminuto. Para comparar, estos son los modelos int8 de las dos hojas
# de datos de sensores de ML que usa este curso (el módulo «Los sensores de ML y sus hojas de
# datos»): la MobileNetV1 del módulo de detección de personas PA1 (imagen en escala de grises de
# 96 × 96) y el detector de rostros del Person Sensor (RetinaFace, 192 × 144). La hoja de datos del
# PA1 escribe su unidad como «Kb», que podría significar kilobits o kilobytes; el gráfico la lee
# como kilobytes, la mayor de las dos.

# %% figure=4 alt="Gráfico de barras horizontales con un eje logarítmico en kilobytes que compara la flash y la RAM. El modelo de gestos int8 de este laboratorio necesita alrededor de medio kilobyte de flash y menos de un kilobyte de RAM, incluido el búfer de la ventana; las cifras publicadas del detector de personas PA1 son 309,5 y 131, y las del detector de rostros del Person Sensor, 449 y 442,6; unas líneas verticales discontinuas marcan el presupuesto de ejemplo de 256 kB de flash y 64 kB de RAM, en el que el modelo de gestos cabe con holgura y que los dos modelos de personas superan."

# %% [markdown] text=10
# La hoja de datos del PA1 también informa lo que la cuantización le costó a su detector de
# personas: una exactitud del **76,3 %** en float32 y del **75,5 %** en int8 (hoja de datos de
# código abierto Rev. 3, p. 23). Compara esa caída con la que mediste en la sección 3.
#
# ## 5. Lo que el chip le cuesta al planeta
#
# Un modelo que cabe en un microcontrolador más pequeño puede permitirte elegir un chip más
# pequeño. La TinyML CO2 Footprint Calculator (usada en el módulo «huella ambiental») cuenta el
# carbono del microcontrolador según el área de su chip. Sus opciones de procesamiento, tomadas de
# la biblioteca de huella de este curso:

# %% [markdown] text=11
# La calculadora no relaciona el área del chip con la flash ni con la RAM, y nuestras fuentes no
# dan cifras para esa relación, así que este laboratorio no la calcula. Toma la tabla como el rango
# dentro del cual se mueve la elección de un chip.
#
# ## Ejercicios
#
# Cambia los valores de las celdas de abajo y vuelve a ejecutarlas. La página publicada muestra los
# valores predeterminados.
#
# ### Ejercicio 1: menos bits
#
# Cuantiza a 4 bits en lugar de 8: el mismo esquema con enteros de -7 a 7. ¿Cuánta exactitud se
# pierde, y cuánta flash ahorrarían los pesos si dos pesos de 4 bits compartieran un byte?

# %% [markdown] text=12
# ### Ejercicio 2: tu placa
#
# Pon la flash y la RAM de tu propia placa en la celda «¿Cabe?» de arriba, y los tamaños del
# programa que informe tu cadena de herramientas. ¿Cuántas copias de este modelo cabrían? ¿Qué se
# agota primero, la flash o la RAM?
#
# ### Ejercicio 3: una ventana más larga
#
# Cambia `WINDOW_SECONDS` a 4 al principio de la sección 1 y vuelve a ejecutar todo el laboratorio.
# ¿Qué pasa con el búfer de la ventana, con la aritmética de las características, con las MAC de la
# red y con la exactitud? ¿Por qué no cambia el tamaño de la red?
#
# ### Preguntas para discutir
#
# 1. Aquí los datos son sintéticos. Nombra tres formas en que los datos reales de acelerómetro de
#    las muñecas de tus estudiantes serían distintos, y qué efecto tendría cada una en la exactitud.
# 2. El conjunto de prueba salió del mismo generador que el conjunto de entrenamiento. ¿Cómo sería
#    una prueba justa de un reconocedor de gestos pensado para toda una clase?
# 3. El modelo int8 coincidió con el modelo de punto flotante en casi todas las ventanas. ¿Cuándo
#    esperarías que la cuantización perjudicara más?
