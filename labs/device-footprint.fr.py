# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of device-footprint.py each one translates.
# # The code always comes from device-footprint.py. See CONTRIBUTING.md, "Translating a lab".
# title: Que coûte un appareil TinyML à la planète ?
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: device-footprint.py
#     source_hash: sha256:45ae4336420dc2f6
# ---

# %% [markdown] text=1
# # Que coûte un appareil TinyML à la planète ?
#
# Un microcontrôleur qui exécute un détecteur de mots-clés consomme environ un milliwatt. Il est
# tentant d’en conclure que TinyML est « vert » par construction. Dans ce TP, vous additionnez
# l’empreinte carbone d’un appareil TinyML entier, bloc par bloc, et découvrez d’où viennent
# réellement ses émissions.
#
# Les nombres viennent de deux sources publiques, toutes deux intégrées à la bibliothèque
# `courseware.footprint` de ce cours avec la source de chaque valeur :
#
# - l’article **« Is TinyML Sustainable? Assessing the Environmental Impacts of Machine Learning on
#   Microcontrollers »** de Prakash, Stewart, Banbury, Mazumder, Warden, Plancher et Janapa Reddi
#   (*Communications of the ACM* 66(11), 2023 ; [arXiv 2301.11899](https://arxiv.org/abs/2301.11899)) ;
# - le **TinyML CO2 Footprint Calculator** qui l’accompagne
#   ([harvard-edge.github.io/TinyML-Footprint](https://harvard-edge.github.io/TinyML-Footprint/)),
#   dont les valeurs par composant proviennent de l’analyse ascendante du cycle de vie d’appareils
#   IoT de Pirson et Bol (J. Cleaner Production 322, 2021) et, pour l’entraînement, de Dodge et al.
#   (FAccT 2022).
#
# Toutes les valeurs sont en **kg CO2e par appareil** (kilogrammes d’équivalent dioxyde de
# carbone) sur une durée de vie de trois ans.
#
# **Vous allez :** comparer les préréglages du calculateur aux systèmes de l’article, voir quels
# blocs dominent, les placer à côté d’une Apple Watch et d’un MacBook Pro, et modifier vous-même la
# surface de la puce, la batterie et la puissance.

# %% [markdown] text=2
# ## 1. Dix blocs, une somme
#
# Le calculateur décrit un appareil en dix **blocs** : entraînement ML, boîtier, traitement (le
# MCU), circuit imprimé, alimentation, captage, autres composants, transport, voyants LED et phase
# d’utilisation. Pour chaque bloc, vous choisissez une option, et l’empreinte est simplement la
# somme des options choisies. Il n’y a pas de formule cachée : la valeur de chaque option a été
# établie à l’avance à partir de la littérature sur l’analyse du cycle de vie.
#
# Le calculateur s’ouvre sur le préréglage **Vision**. Voici cet appareil, bloc par bloc, avec la
# source que la bibliothèque enregistre pour chaque valeur.

# %% [markdown] text=3
# ## 2. Les préréglages et les systèmes de l’article
#
# Le calculateur a deux préréglages, *Vision* et *Anomaly Detection*. Le README du calculateur
# publie un tableau de cinq systèmes (détection de mots-clés, détection d’anomalies et
# classification d’images, dans les meilleurs cas, les cas typiques et les pires cas), dont
# l’article utilise trois : **la détection de mots-clés au meilleur cas, la classification
# d’images typique et la classification d’images au pire cas**.
#
# Les préréglages ne reproduisent *pas* les totaux de l’article : ils supposent une alimentation
# secteur, le plus petit boîtier et, pour Vision, un entraînement plus coûteux (MobileNetV1).
# Gardez cela à l’esprit lorsque vous citez « le chiffre du calculateur ».

# %% [markdown] text=4
# Les totaux de la bibliothèque sont égaux aux totaux publiés par le README pour les cinq
# systèmes : c’est une reproduction fidèle, et les comparaisons qui suivent reposent donc sur les
# chiffres publiés.
#
# ## 3. Quels blocs dominent ?
#
# Regardez maintenant à l’intérieur des totaux. Le tableau donne la valeur de chaque bloc pour
# chaque configuration ; la figure les empile, de sorte que la longueur de chaque segment coloré
# est la part de ce bloc.

# %% figure=1 alt="Graphique en barres horizontales empilées de l’empreinte de sept configurations TinyML, en kg CO2e, chaque barre étant divisée en dix blocs du calculateur. Le pire cas de classification d’images est le plus long, 7,06 kg, dominé par la grosse batterie Li-ion (2,71) et la caméra de 58 mm² (1,47) ; la classification d’images typique totalise 3,41, avec la batterie (1,36) et la caméra (0,77) comme plus gros segments ; la détection de mots-clés au meilleur cas est la plus courte, 0,89. Les préréglages Vision et Anomaly Detection totalisent 3,24 et 1,61, avec un gros segment d’entraînement (1,0) pour Vision. Dans chaque barre, le segment traitement (le microcontrôleur) est petit : de 0,08 à 0,29 kg."

# %% [markdown] text=5
# Classez les blocs du classificateur d’images typique de l’article. Le microcontrôleur, la pièce
# qui donne son nom à TinyML, se trouve près du bas.

# %% [markdown] text=6
# C’est l’idée clé de l’article, dans ses propres mots : *« L’unité microcontrôleur (MCU) des
# appareils TinyML a une empreinte relativement faible comparée à la batterie et aux composants de
# captage ; l’influence environnementale des appareils TinyML repose donc sur une conception
# globale et durable du système. »* (notre traduction). Réduire l’empreinte signifie choisir avec
# soin la batterie, le capteur, le boîtier et l’itinéraire d’expédition, et pas seulement une puce
# plus petite.
#
# ## 4. À côté d’une Apple Watch et d’un MacBook Pro
#
# Le calculateur dessine deux appareils de référence à côté de la barre TinyML : une Apple Watch
# Series 7 (34 kg CO2e, d’après le Product Environmental Report d’Apple, trois ans d’utilisation)
# et un MacBook Pro (349 kg CO2e ; le calculateur ne dit pas de quel modèle il s’agit). La figure
# ci-dessous est la version de la bibliothèque du graphique du calculateur, sur une échelle
# logarithmique comme dans l’original. (Sur une échelle logarithmique, les segments d’une barre
# empilée ne sont pas à l’échelle : le bloc d’entraînement ML en bas paraît grand. Utilisez le
# tableau ci-dessus pour lire les blocs, et le graphique pour comparer les totaux.)

# %% figure=2 alt="Graphique en barres sur une échelle logarithmique, tel que le dessine le calculateur. La première barre est l’appareil TinyML typique de classification d’images, 3,41 kg CO2e au total, empilé à partir de ses dix blocs : ML Training 0,10, Casing 0,27, Processing 0,17, PCB 0,16, Power Supply 1,36, Sensing 0,77, Others 0,11, Transport 0,40, Indicator LED UI 0,06, Use-Stage 0,01. À côté, des barres grises pour l’Apple Watch Series 7 à 34 kg, environ 10 fois plus, et le MacBook Pro à 349 kg, environ 102 fois plus."

# %% [markdown] text=7
# L’exposé sur lequel ce cours est construit résume la comparaison par **« des économies de 5x à
# 38x sur une durée de vie de 3 ans »**. Cette fourchette est l’Apple Watch divisée par le pire et
# par le meilleur des systèmes de l’article :

# %% [markdown] text=8
# ## 5. Carbone intrinsèque contre carbone opérationnel
#
# Un seul bloc, la phase d’utilisation, dépend de la manière dont l’appareil est *utilisé* :
# l’électricité consommée sur sa durée de vie. L’unique option du calculateur suppose 1 mW, en
# continu, pendant trois ans, ce que le README appelle une puissance TinyML moyenne issue de
# MLPerf Tiny. La bibliothèque calcule la même valeur à partir de la formule
#
# *kg CO2e = puissance (W) × rapport cyclique × heures × intensité du réseau (kg CO2e/kWh) / 1000*,
#
# en utilisant l’intensité du réseau qu’implique la valeur du calculateur (sa source cite un
# facteur de l’EPA sans dire lequel, si bien que la bibliothèque le marque comme non documenté).

# %% [markdown] text=9
# Pour un appareil TinyML au 1 mW du calculateur, **le fabriquer coûte des centaines de fois plus
# de carbone que le faire fonctionner**. L’exercice 3 demande quelle puissance il faudrait pour
# changer cela.
#
# ## Exercices
#
# Modifiez les valeurs dans les cellules ci-dessous et exécutez-les à nouveau. La page publiée
# montre les valeurs par défaut.
#
# ### Exercice 1 : la surface de la puce
#
# Le calculateur propose des MCU de 5, 10 et 17 mm². La bibliothèque en déduit une empreinte par
# mm² à partir de ces trois options (un facteur dérivé : aucune source ne l’énonce), ce qui vous
# permet d’essayer n’importe quelle surface de puce. Essayez un gros processeur d’application de
# 40 mm², ou un minuscule MCU de 2 mm². De combien le *total* bouge-t-il ? Le résultat est-il une
# extrapolation au-delà des options du calculateur ?

# %% [markdown] text=10
# ### Exercice 2 : la batterie
#
# L’alimentation est le plus gros bloc de la plupart des systèmes. Changez-la : alimentation
# secteur, batterie Li-ion typique, ou grosse batterie. Quel choix feriez-vous pour un capteur qui
# doit fonctionner pendant des années dans un champ sans prise, et combien cela coûte-t-il ?
#
# La bibliothèque refuse les options qui n’existent pas (le calculateur en ligne les ignorerait
# sans rien dire). Essayez un nom mal orthographié comme `"Li-ion battery (huge)"` et lisez le
# message.

# %% [markdown] text=11
# ### Exercice 3 : la puissance
#
# 1 mW est une moyenne. De vrais modules peuvent consommer bien plus : le Person Sensor, un module
# caméra dont la fiche technique figure dans la galerie de fiches techniques de ce cours, déclare
# environ 150 mW. Réglez `power_mw` (et, si vous le souhaitez, `duty_cycle` entre 0 et 1, ou une
# `region` comme `"norway"`, `"world"` ou `"india"` tirée du tableau des réseaux de la
# bibliothèque) et trouvez la puissance à partir de laquelle la phase d’utilisation devient aussi
# grande que tout le reste réuni.

# %% figure=3 alt="Graphique en courbes, les deux axes logarithmiques : l’empreinte de la phase d’utilisation sur trois ans en kg CO2e en fonction de la puissance moyenne, de 0,1 mW à 10 W, une droite montante par réseau électrique (Norvège, le facteur implicite du calculateur, monde, Inde). Une ligne horizontale en tirets marque l’empreinte intrinsèque du classificateur d’images typique, 3,40 kg, et une ligne verticale pointillée marque le 1 mW du calculateur. À 1 mW, chaque réseau reste plus de cent fois sous la ligne en tirets ; les droites la croisent vers 180 mW (Inde), 270 mW (monde), 310 mW (facteur du calculateur) et 4,3 W (Norvège)."

# %% [markdown] text=12
# ### Questions à discuter
#
# 1. Les préréglages du calculateur et les systèmes de l’article diffèrent. Lequel citeriez-vous
#    dans un rapport, et qu’écririez-vous à côté du chiffre ?
# 2. Sur quels deux blocs travailleriez-vous d’abord pour diviser par deux l’empreinte du
#    classificateur d’images typique ? Que perdrait l’appareil ?
# 3. La phase d’utilisation à 1 mW masque la puissance réelle de l’appareil. Où trouveriez-vous la
#    valeur réelle pour un produit que vous possédez ? (Le TP sensor-datasheet revient sur cette
#    question.)
