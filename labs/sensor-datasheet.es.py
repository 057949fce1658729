# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of sensor-datasheet.py each one translates.
# # The code always comes from sensor-datasheet.py. See CONTRIBUTING.md, "Translating a lab".
# title: Escribe la hoja de datos de un sensor de ML
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: sensor-datasheet.py
#     source_hash: sha256:85d9c636b024105d
# ---

# %% [markdown] text=1
# # Escribe la hoja de datos de un sensor de ML
#
# Un sensor de ML mantiene su modelo y sus datos en bruto dentro del módulo y solo muestra al mundo
# exterior unos pocos bytes de respuesta. Nadie puede mirar dentro, así que la **hoja de datos** es
# la forma en que compradores, desarrolladores y auditores saben qué hace el sensor. El artículo
# **«Datasheets for Machine Learning Sensors»** (Stewart, Warden, Omri, Prakash et al.,
# [arXiv 2306.08848](https://arxiv.org/abs/2306.08848)) propone una hoja de datos de diez bloques
# en cuatro grupos: los bloques estándar de sensor (descripción, cumplimiento normativo, factor de
# forma, comunicación, hardware), la privacidad y seguridad IoT, los bloques de IA (conjunto de
# datos y modelo) y dos bloques nuevos propios de los sensores de ML (desempeño de extremo a
# extremo e impacto ambiental).
#
# En este laboratorio terminas un **borrador** de hoja de datos. Ejecutas el validador de este
# curso (`courseware.datasheet`), corriges lo que encuentra, calculas la sección ambiental a
# partir de la potencia de funcionamiento real del sensor en lugar del 1 mW predeterminado de la
# calculadora de huella, y lees el perfil de materialidad y riesgo del sensor.
#
# El borrador describe un sensor **ilustrativo** de anomalías de vibración: un ejemplo didáctico
# que no es ningún producto real. Sus números se eligieron para enseñar y nadie los midió. La
# versión terminada es la hoja de datos de ejemplo del curso `illustrative-vibration-sensor` (en
# `curriculum/sensors/`).

# %% [markdown] text=2
# ## 1. El borrador
#
# Una hoja de datos es un archivo YAML. El borrador viene con este laboratorio como
# `data/vibration-sensor-draft.yaml`; ábrelo junto a este notebook. Esta es la parte en la que más
# trabajarás, el bloque de hardware y el bloque de impacto ambiental.

# %% [markdown] text=3
# Quien escribió el borrador copió la sección ambiental de la configuración predefinida *Anomaly
# Detection* de la TinyML CO2 Footprint Calculator: un total de 1,61 kg CO2e, con la etapa de uso
# de la calculadora a **1 mW**. No pierdas de vista ese número.
#
# ## 2. Ejecuta el validador
#
# El validador carga el YAML en el esquema de hoja de datos y luego ejecuta cada comprobación.
# Cada **hallazgo** tiene una gravedad (error, warning o info), la comprobación que lo generó, el
# campo al que apunta y la línea del archivo. Una hoja de datos es *válida* cuando no tiene
# errores; las advertencias y los avisos informativos son consejos.
#
# Esta pequeña función hace lo que hace `courseware datasheet validate` en la línea de comandos,
# para un texto YAML guardado en memoria.

# %% [markdown] text=4
# Lee cada hallazgo y encuentra su línea en el archivo. Son errores que cometen hojas de datos
# reales: la hoja de datos de ejemplo de código abierto del repositorio del artículo daba su
# dirección I2C como «TBD» en su primera revisión, escribe los tamaños de memoria con el ambiguo
# «Kb» y declara un rango de luz mucho más amplio que aquel en el que se probó (consulta su página
# en la galería de hojas de datos del curso).
#
# ## 3. Corrige los hallazgos de documentación
#
# Editamos el YAML cargado (un diccionario de Python anidado) y lo volvemos a comprobar. Cada
# corrección dice a qué hallazgo responde.

# %% [markdown] text=5
# Solo quedan los hallazgos del impacto ambiental. (Los números de línea se refieren ahora al
# texto YAML editado, no al archivo del borrador).
#
# ## 4. La sección ambiental, a la potencia de funcionamiento real
#
# El bloque de hardware declara una potencia de funcionamiento de 10 mW (3 mA a 3,3 V). La sección
# copiada suponía 1 mW, el valor predeterminado de la calculadora de huella, así que su etapa de
# uso es diez veces demasiado pequeña. Las dos hojas de datos de ejemplo del repositorio del
# artículo muestran el mismo patrón: ambas declaran una corriente de funcionamiento de 40 mA, pero
# sus gráficos de huella no muestran ninguna etapa de uso visible, lo que coincide con el 1 mW
# predeterminado de la calculadora (el validador señala ambas).
#
# En lugar de escribir números, una hoja de datos puede dar una **configuración de huella**: una
# configuración predefinida u opciones de la calculadora, la red eléctrica que cargará el
# dispositivo y el ciclo de trabajo. La biblioteca `courseware.footprint` calcula entonces el
# desglose, con la etapa de uso a partir de la potencia de funcionamiento declarada × ciclo de
# trabajo × vida útil × intensidad de la red. Así ya no hacen falta un total escrito a mano ni un
# `use_phase_power_mw` escrito a mano.

# %% [markdown] text=6
# Ningún hallazgo: la hoja de datos es válida. Ahora calcula la sección ambiental que declara.

# %% figure=1 alt="Gráfico de barras horizontales apiladas que compara dos huellas del mismo sensor en kg CO2e, divididas por bloque. El borrador, escrito a partir de la configuración Anomaly Detection de la calculadora con una etapa de uso de 1 mW, suma 1,61 kg. La sección calculada, con los 10 mW declarados en la red de promedio mundial, suma 1,73 kg: todos los bloques son iguales salvo la etapa de uso, que crece de 0,01 a unos 0,13 kg. Los bloques mayores en ambos casos son la alimentación de red eléctrica (0,52) y el transporte (0,40)."

# %% [markdown] text=7
# Para este sensor la diferencia es pequeña frente a los bloques incorporados: 10 mW sigue siendo
# poco. Lo importante es el método: la potencia que declara la propia hoja de datos determina
# ahora su sección ambiental, así que las dos ya no pueden contradecirse. (El ejercicio 2 muestra
# un sensor para el que la etapa de uso sí importa).
#
# ## 5. El perfil de materialidad y riesgo
#
# Una hoja de datos válida todavía puede describir un sensor riesgoso. El artículo «Materiality and
# Risk in the Age of Pervasive AI Sensors» ([arXiv 2402.11183](https://arxiv.org/abs/2402.11183))
# examina los riesgos que empiezan en el propio sensor, en cinco áreas: calibración,
# documentación, datos propietarios, privacidad y residuos. Este curso convierte esas áreas en una
# lista de comprobación puntuada a partir de los campos de la hoja de datos (la lista y la
# puntuación son propias del curso, no el método del artículo): cada elemento obtiene 0
# (documentado y mitigado), 1 (documentado, no mitigado) o 2 (riesgoso o no divulgado), y cada área
# obtiene de 0 (lo mejor) a 100 (lo peor).

# %% figure=2 alt="Gráfico de barras horizontales agrupadas con puntuaciones de riesgo de 0 (lo mejor) a 100 (lo peor) en cinco áreas, para el borrador y para la hoja de datos corregida. Calibración y validez baja de 50 a 0, documentación de 50 a 25, y residuos y medio ambiente de 37,5 a 0; la profusión de datos propietarios se queda en 25 y la privacidad en 20. La puntuación global baja de 36,5 a 14."

# %% [markdown] text=8
# Corregir los hallazgos redujo el riesgo, pero no a cero. Estos son los elementos que siguen
# abiertos, con la evidencia que da la hoja de datos:

# %% [markdown] text=9
# Ninguno de ellos es un error: una hoja de datos puede decir honestamente que no hay una auditoría
# de terceros. El perfil le muestra a quien compra lo que falta, para que pueda pedirlo.
#
# ## Ejercicios
#
# Cambia los valores de las celdas de abajo y vuelve a ejecutarlas. La página publicada muestra los
# valores predeterminados.
#
# ### Ejercicio 1: ciclo de trabajo y red eléctrica
#
# El sensor escucha todo el tiempo (ciclo de trabajo 1). Supón que solo se despertara una décima
# parte del tiempo, o que se cargara desde otra red (`"norway"`, `"france"`, `"india"` o cualquier
# clave de la tabla de redes de la biblioteca de huella). ¿Cuánto cambia el total?

# %% [markdown] text=10
# ### Ejercicio 2: un sensor que consume más
#
# El Person Sensor, un módulo de cámara cuya hoja de datos está en la galería de hojas de datos de
# este curso, declara una potencia de funcionamiento de unos 150 mW. Dale esa potencia a nuestro
# sensor y vuelve a calcular: ¿qué tamaño tiene ahora la etapa de uso junto a los bloques
# incorporados? ¿Qué dice el validador si la corriente declarada (3 mA) se deja como está?

# %% [markdown] text=11
# ### Ejercicio 3: reduce los riesgos restantes
#
# Elige un elemento que siga abierto en la sección 5 y cambia la hoja de datos para resolverlo con
# honestidad. Por ejemplo, declara los controles que tiene una persona sobre lo que detecta el
# sensor (el área de privacidad), o remite a un proyecto público que reproduzca la evaluación (el
# área de datos propietarios). ¿Qué elementos solo puedes resolver *haciendo* algo, y no
# escribiendo?

# %% [markdown] text=12
# ### Ejercicio 4: un sensor que observa a personas
#
# Nuestro sensor vigila máquinas. Pon `observes_people` en `True` y ejecuta el validador: ¿qué
# campos pasan a ser obligatorios, y por qué los necesita la hoja de datos de un sensor que
# observa a personas?
