# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of fleet-growth.py each one translates.
# # The code always comes from fleet-growth.py. See CONTRIBUTING.md, "Translating a lab".
# title: D’un appareil à 250 milliards
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: fleet-growth.py
#     source_hash: sha256:1f42da02a9404af4
# ---

# %% [markdown] text=1
# # D’un appareil à 250 milliards
#
# Dans le TP device-footprint, un appareil TinyML coûtait entre environ 0,9 et 7 kg CO2e : entre
# environ un quarantième et un cinquième des 34 kg d’une Apple Watch Series 7, la barre de
# référence du calculateur d’empreinte (34 / 0,89 ≈ 38 ; 7,06 / 34 ≈ 21 %, notre arithmétique). Mais
# TinyML ne concerne pas un seul appareil. L’exposé sur lequel ce cours est construit (Brian
# Plancher, *Sustainable & Responsible TinyML*) demande : **« Et si l’on passait à 250 milliards
# d’appareils ? »** et note qu’*« il y a aujourd’hui environ 250 milliards de MCU déployés et environ
# 15 milliards d’appareils IoT »* (notre traduction).
#
# Dans ce TP, vous faites passer l’empreinte des systèmes de l’article à l’échelle d’une flotte,
# vous voyez ce que devient le coût de l’entraînement d’un modèle lorsqu’il est partagé par tous
# les appareils, vous reproduisez le tableau de croissance de l’IoT de l’exposé (qui cite le [décompte des appareils IoT connectés de Statista](https://www.statista.com/statistics/1183457/iot-connected-devices-worldwide/)),
# et vous discutez du paradoxe de Jevons.
#
# Les valeurs par appareil proviennent de l’article « Is TinyML Sustainable? » (Prakash et al.,
# *Communications of the ACM* 66(11), 2023) et du README du TinyML CO2 Footprint Calculator, via
# la bibliothèque `courseware.footprint` de ce cours.

# %% [markdown] text=2
# ## 1. L’empreinte d’une flotte
#
# Une flotte d’appareils identiques coûte l’empreinte par appareil multipliée par le nombre
# d’appareils. À la suite de l’exposé, nous imaginons chacun des 250 milliards de MCU en service
# aujourd’hui à l’intérieur d’un système TinyML complet comme ceux de l’article. La bibliothèque
# conserve l’intervalle du meilleur au pire cas de chaque système (chaque bloc à son meilleur et à
# son pire cas publiés), de sorte que la flotte reçoit elle aussi une fourchette.

# %% [markdown] text=3
# Une mégatonne (Mt) vaut un milliard de kilogrammes. Une empreinte négligeable par appareil
# devient des centaines de mégatonnes pour la flotte. C’est le propos de l’article : *« à l’échelle
# mondiale, l’empreinte carbone des systèmes TinyML n’est pas négligeable, ce qui oblige les
# concepteurs à tenir compte de l’impact environnemental lorsqu’ils conçoivent de nouveaux
# appareils »* (notre traduction).
#
# Ces appareils ne durent pas éternellement. Les valeurs du calculateur portent sur une durée de
# vie de trois ans (sa phase d’utilisation et sa batterie couvrent trois ans, pour correspondre à
# l’analyse de l’Apple Watch par Apple) ; maintenir en service une flotte d’une taille donnée
# signifie donc en reconstruire un tiers chaque année :

# %% [markdown] text=4
# ## 2. L’entraînement, partagé par la flotte
#
# Le calculateur ajoute le coût complet de l’entraînement du modèle (0,1 kg CO2e pour un DenseNet,
# 1,0 kg pour MobileNetV1, pour lequel il utilise ViT-Tiny comme approximation ; tous deux d’après
# Dodge et al., FAccT 2022) à **chaque** appareil. Mais un modèle est entraîné une fois, puis copié
# sur chaque appareil qui l’exécute. La bibliothèque peut *amortir* le bloc d’entraînement :
# `configure(training_devices=N)` le divise par N.
#
# Le préréglage Vision du calculateur, avec son entraînement MobileNetV1, montre le mieux l’effet.

# %% figure=1 alt="Graphique en courbes avec un axe horizontal logarithmique : empreinte par appareil en kg CO2e en fonction du nombre d’appareils qui partagent un même modèle entraîné, de 1 à 250 milliards. Le préréglage Vision descend de 3,24 kg avec un appareil à environ 2,25 kg dès que quelques centaines d’appareils partagent son entraînement MobileNetV1, puis reste plat ; le classificateur d’images typique, avec un entraînement DenseNet, ne descend que de 3,41 à environ 3,31 kg."

# %% [markdown] text=5
# Dès qu’un modèle est livré sur plus de quelques centaines d’appareils, son entraînement devient
# une erreur d’arrondi par appareil, et il ne reste que le matériel. Deux réserves :
#
# - L’amortissement suppose un seul entraînement. Les recherches d’hyperparamètres, les
#   réentraînements et la personnalisation multiplient le coût de l’entraînement.
# - Il ne rend pas l’entraînement gratuit : pour la flotte dans son ensemble, le coût de
#   l’entraînement est payé une fois par modèle, quel que soit le nombre d’appareils qui le partagent.
#
# ## 3. À quelle vitesse le nombre d’appareils augmente-t-il ?
#
# L’exposé donne un tableau indiquant quand le nombre d’appareils IoT, environ 15 milliards en 2023,
# dépasserait 50 milliards, 100 milliards, 250 milliards et mille milliards, avec une croissance
# **linéaire** (le même nombre de nouveaux appareils chaque année) et une croissance
# **exponentielle** (le même *pourcentage* chaque année). La bibliothèque stocke le tableau avec sa
# source et y ajuste les deux modèles.

# %% [markdown] text=6
# Les deux modèles reproduisent chaque année du tableau de l’exposé. Les taux sont ceux qu’implique
# le tableau, et non des prévisions propres : les deux scénarios encadrent ce qui pourrait arriver.

# %% figure=2 alt="Graphique en courbes avec un axe vertical logarithmique : nombre d’appareils IoT de 2023 à 2150 selon deux modèles qui partent de 15 milliards en 2023. La courbe exponentielle monte fortement et dépasse 50 milliards en 2032, 100 milliards en 2036, 250 milliards en 2043 et mille milliards en 2053, où elle s’arrête ; la courbe linéaire monte lentement et dépasse 50 milliards en 2041, 100 milliards en 2067 et 250 milliards en 2144. Des marqueurs montrent les années du tableau de l’exposé, qui se trouvent sur les courbes ; les mille milliards linéaires, en 2531, sont hors du graphique."

# %% [markdown] text=7
# ## 4. L’efficacité face à la croissance : le paradoxe de Jevons
#
# Dans *The Coal Question* (1865), l’économiste William Stanley Jevons a observé que des machines à
# vapeur plus efficaces ne réduisaient pas la consommation de charbon de la Grande-Bretagne :
# l’énergie moins chère rendait les machines rentables pour davantage d’usages, et la consommation
# totale augmentait. C’est le **paradoxe de Jevons** : rendre chaque unité plus efficace peut
# *augmenter* le total, parce que l’efficacité rend la technologie moins chère et plus attrayante.
#
# L’exposé cite le paradoxe de Jevons parmi les limites de l’analyse d’empreinte. Les arguments de
# vente de TinyML (bon marché, basse consommation, petit) sont exactement ce qui pourrait mettre un
# capteur dans toute chose. Nous ne pouvons pas calculer combien de croissance l’efficacité
# provoque ; mais nous pouvons calculer à quelle vitesse la croissance *annule* un gain
# d’efficacité.
#
# Supposons que chaque appareil soit repensé, du classificateur d’images typique au meilleur cas
# de détection de mots-clés, une forte baisse de l’empreinte par appareil. Combien d’années de
# croissance exponentielle ramènent l’empreinte de la flotte à son point de départ ?

# %% figure=3 alt="Graphique en courbes avec un axe vertical logarithmique : empreinte sur le cycle de vie de tous les appareils IoT en service, en mégatonnes de CO2e, de 2023 à 2060. Quatre courbes : croissance exponentielle (trait plein) et croissance linéaire (tirets), chacune avec des classificateurs d’images typiques (3,41 kg chacun) et avec des détecteurs de mots-clés du meilleur cas (0,89 kg chacun). Une ligne horizontale pointillée marque le niveau actuel, 15 milliards de classificateurs d’images typiques, environ 51 Mt. Les deux courbes des détecteurs de mots-clés partent 3,8 fois plus bas, à environ 13 Mt ; l’exponentielle croise la ligne pointillée en 2032 ou 2033, la linéaire vers 2045. En 2060, la croissance exponentielle atteint environ 9 300 Mt avec des classificateurs d’images et 2 400 Mt avec des détecteurs de mots-clés."

# %% [markdown] text=8
# Au taux exponentiel de l’exposé, tout le gain d’une conception bien plus sobre disparaît en
# moins de dix ans. L’efficacité par appareil est nécessaire, mais elle ne rend pas à elle seule
# une technologie en croissance durable. D’autres leviers sont le nombre d’appareils, leur durée
# de vie, la réutilisation et la réparation, et ce que les appareils *économisent* dans d’autres
# secteurs (le côté bénéfices de l’argumentation de l’article, qu’une empreinte ne mesure pas).
#
# ## Exercices
#
# Modifiez les valeurs dans les cellules ci-dessous et exécutez-les à nouveau. La page publiée
# montre les valeurs par défaut.
#
# ### Exercice 1 : votre propre flotte
#
# Choisissez un produit (un thermostat connecté, un piège photographique, un jouet à détection de
# mots-clés), choisissez le système qui s’en rapproche le plus (`"kws-best"`, `"kws-typical"`,
# `"ad-typical"`, `"ic-typical"` ou `"ic-worst"`) et un nombre d’unités vendues. Comment l’empreinte
# se compare-t-elle à un chiffre que vous cherchez vous-même, comme les émissions annuelles d’une
# ville ou d’un pays ?

# %% [markdown] text=9
# ### Exercice 2 : la durée de vie
#
# Un appareil qui dure plus longtemps est remplacé moins souvent. Modifiez `device_lifetime_years`
# et voyez comment évolue le coût annuel du maintien en service de 250 milliards d’appareils. (Une
# durée de vie plus longue peut demander une plus grosse batterie : revenez au TP device-footprint
# pour voir ce que cela coûte.)

# %% [markdown] text=10
# ### Exercice 3 : un autre taux de croissance
#
# Le scénario exponentiel de l’exposé croît d’environ 15 % par an. Construisez votre propre modèle
# avec une autre croissance annuelle et voyez quand il atteint 250 milliards d’appareils, et combien
# de temps il lui faut pour annuler le gain d’efficacité de 3,8x de la partie 4.

# %% [markdown] text=11
# ### Questions à discuter
#
# 1. Les chiffres de la flotte supposent que chaque MCU est un système TinyML complet avec une
#    batterie et un capteur. Est-ce une surestimation ou une sous-estimation, et pourquoi ?
# 2. Le paradoxe de Jevons dit que l’efficacité peut augmenter l’usage total. Nommez une
#    application TinyML où cela semble probable, et une où les appareils remplacent quelque chose
#    dont l’empreinte est plus grande.
# 3. Si un capteur TinyML aide un bâtiment à réduire sa consommation d’énergie, comment
#    pèseriez-vous ce bénéfice face à l’empreinte du capteur ? De quelles données auriez-vous besoin ?
