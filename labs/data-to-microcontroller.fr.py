# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of data-to-microcontroller.py each one translates.
# # The code always comes from data-to-microcontroller.py. See CONTRIBUTING.md, "Translating a lab".
# title: Des données à un microcontrôleur, en numpy
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: data-to-microcontroller.py
#     source_hash: sha256:d935924f8c5c1db2
# ---

# %% [markdown] text=1
# # Des données à un microcontrôleur, en numpy
#
# Un projet TinyML passe par quatre étapes : **collecter** des données, **entraîner** un modèle,
# le **quantifier** pour qu’il tienne, et le **déployer** sur une carte. Ce TP parcourt les quatre
# avec un système de reconnaissance de gestes pour un accéléromètre porté au poignet, sans carte et
# sans réseau :
#
# 1. il *génère* les données (un signal d’accéléromètre synthétique à trois axes pour quatre
#    gestes), car un TP qui doit fonctionner hors ligne sur n’importe quel ordinateur portable ne
#    peut pas collecter de données réelles ;
# 2. il extrait quelques caractéristiques simples et entraîne un petit réseau de neurones avec
#    numpy seul ;
# 3. il quantifie le réseau en entiers sur 8 bits (int8) et l’exécute avec de l’arithmétique
#    entière uniquement, comme le ferait un microcontrôleur sans unité de calcul en virgule
#    flottante ;
# 4. il compte les octets et les multiplications-accumulations dont le modèle a besoin et les
#    compare à la mémoire flash et à la RAM d’un microcontrôleur.
#
# Tout est initialisé avec une graine, si bien que chaque exécution affiche les mêmes nombres.
# Les données sont synthétiques : l’exactitude obtenue ici indique si la chaîne fonctionne bien
# sur *ce* signal, et non si un système de reconnaissance de gestes fonctionne bien sur des
# personnes. Le module « Des données à un microcontrôleur » explique ce qui change avec des
# données réelles.

# %% [markdown] text=2
# ## 1. Collecter : un accéléromètre synthétique
#
# Un accéléromètre mesure l’accélération selon trois axes, en unités de *g* (9,81 m/s²). Au repos,
# il indique encore 1 g : la gravité, orientée vers le bas. Notre capteur imaginaire échantillonne
# **50 fois par seconde** et nous découpons le flux en **fenêtres de 2 secondes** (100 échantillons
# par axe). Chaque fenêtre reçoit l’une de quatre étiquettes :
#
# - **rest** (repos) : le bras est immobile ; seulement la gravité, une lente dérive et du bruit ;
# - **wave** (vague) : d’un côté à l’autre, surtout selon x, 1 à 2,5 fois par seconde ;
# - **circle** (cercle) : la main dessine un cercle, donc x et y oscillent avec un quart de tour
#   de décalage ;
# - **punch** (coup de poing) : un coup sec selon z, puis un recul.
#
# Chaque fenêtre reçoit aussi une inclinaison aléatoire (la gravité n’est donc pas toujours selon
# z), une amplitude et une vitesse de mouvement aléatoires et du bruit de capteur. Ce sont des
# choix de ce TP, destinés à rendre la tâche ni triviale ni impossible ; les vrais gestes varient
# d’une manière qu’aucun générateur ne connaît.

# %% figure=1 alt="Quatre petits graphiques en courbes dans une grille de deux sur deux, un par geste (rest, wave, circle, punch), chacun montrant deux secondes d’une fenêtre synthétique : l’accélération selon x, y et z en g en fonction du temps. Rest montre trois lignes plates et bruitées proches de 0, 0 et 1 g ; wave fait osciller la ligne x plusieurs fois vers le haut et vers le bas ; circle fait bouger x et y avec un quart de tour de décalage, dans cet exemple si doucement que le bruit le cache presque ; punch est plat sauf un pic net sur z jusqu’à presque 3 g vers une seconde, puis un creux."

# %% [markdown] text=3
# ## 2. Entraîner : des caractéristiques et un petit réseau
#
# Une fenêtre contient 300 nombres. Au lieu de tous les donner au réseau, nous calculons **cinq
# caractéristiques par axe** : la moyenne, l’écart-type, le minimum, le maximum et la variation
# absolue moyenne d’un échantillon au suivant. Cela fait 15 nombres par fenêtre. De telles
# caractéristiques sont peu coûteuses à calculer sur un microcontrôleur et rendent le réseau bien
# plus petit (la partie 4 compte de combien).
#
# Nous mettons de côté 30 % des fenêtres comme **jeu de test** que le réseau ne voit jamais
# pendant son apprentissage, et nous standardisons chaque caractéristique avec la moyenne et
# l’écart-type du jeu d’entraînement (l’appareil doit aussi stocker ces 30 nombres).

# %% [markdown] text=4
# Le réseau a une couche cachée de 16 unités avec ReLU et une couche de sortie de quatre scores, un
# par geste. Il apprend par **descente de gradient** sur la perte d’entropie croisée : 400 passes
# sur le jeu d’entraînement, chacune poussant un peu chaque poids dans la direction qui fait
# baisser la perte. C’est exactement ce que font des frameworks comme TensorFlow, sans le
# framework.

# %% figure=2 alt="Graphique en courbes de la perte d’entraînement (entropie croisée) en fonction de la passe sur le jeu d’entraînement, de 1 à 400. La perte part d’environ 2,1, descend fortement jusqu’à environ 0,25 pendant les 50 premières passes puis s’aplatit, pour finir vers 0,12."

# %% [markdown] text=5
# ## 3. Quantifier : des poids et des activations int8
#
# Les microcontrôleurs manquent de mémoire et beaucoup n’ont pas d’unité de calcul en virgule
# flottante. La **quantification** stocke chaque nombre sous forme d’un entier `q` sur 8 bits entre
# -127 et 127, avec une échelle `s` par tenseur, de sorte que la valeur réelle vaut environ
# `s × q`. Ce TP utilise le schéma le plus simple, la quantification **symétrique par tenseur** :
# `s = max(|x|) / 127`.
#
# - Les poids sont connus après l’entraînement : leurs échelles viennent donc des poids
#   eux-mêmes.
# - Les activations (les entrées et la couche cachée) changent à chaque fenêtre : leurs échelles
#   viennent donc d’une passe d’**étalonnage** sur les données d’entraînement.
# - Les biais sont stockés en entiers sur 32 bits avec l’échelle `s_input × s_weight`, pour
#   pouvoir être ajoutés directement dans l’accumulateur sur 32 bits.
#
# L’inférence n’utilise alors que des entiers : des produits int8 × int8 additionnés dans un
# accumulateur int32, puis une multiplication de **requantification** qui ramène la couche cachée
# en int8. (Sur un vrai appareil, ce multiplicateur est lui-même un entier en virgule fixe et un
# décalage ; il est affiché ici sous forme décimale.) La dernière couche n’a pas besoin de
# requantification : le score le plus élevé l’emporte quelle que soit son échelle.

# %% figure=3 alt="Deux matrices de confusion côte à côte, le modèle en virgule flottante à gauche et le modèle int8 à droite, chacune une grille de quatre sur quatre de nombres de fenêtres de test avec le geste réel en lignes et le geste prédit en colonnes (rest, wave, circle, punch). Les deux sont presque identiques, avec environ 92 pour cent des 240 fenêtres sur la diagonale : la principale erreur est des cercles pris pour des vagues (13 cercles sur 60 dans les deux), puis des vagues prises pour des cercles (4 en virgule flottante, 3 en int8) ; rest et punch sont presque toujours justes."

# %% [markdown] text=6
# ## 4. Déployer : des octets et de l’arithmétique face à un budget
#
# Que doit contenir l’appareil ?
#
# - La **flash** (en lecture seule, elle garde son contenu sans alimentation) : les poids, les
#   biais et les échelles, les constantes de normalisation des caractéristiques et le programme
#   lui-même.
# - La **RAM** (mémoire de travail) : la fenêtre d’échantillons en cours de collecte, les
#   caractéristiques et les activations de la couche en cours de calcul.
#
# Nous comptons les paramètres du modèle et leurs octets en float32 (4 octets chacun) et
# quantifiés (1 octet par poids, 4 octets par biais int32, 4 octets par échelle en virgule
# flottante), ainsi que les **multiplications-accumulations** (MAC) d’une inférence : une par
# poids d’une couche dense.

# %% [markdown] text=7
# L’extraction des caractéristiques coûte ici **plus d’arithmétique que le réseau**, et le tampon
# de la fenêtre prend plus de RAM que toutes les activations. Avec un modèle aussi petit, le reste
# de la chaîne compte : comptez tout, et pas seulement le modèle.
#
# Que coûterait le réseau *sans* caractéristiques, alimenté directement par les 300 échantillons
# bruts ?

# %% [markdown] text=8
# ### Est-ce que ça tient ?
#
# **Saisissez ici les chiffres de votre carte.** Les sources du cours ne donnent pas la flash ni
# la RAM d’une carte de développement particulière ; les valeurs ci-dessous ne sont donc que des
# **exemples** : 256 kB de flash et 64 kB de RAM, les chiffres de la fiche technique du capteur de
# vibration *illustratif* fourni avec ce cours (`curriculum/sensors/illustrative-vibration-sensor.yaml`),
# qui ne décrit aucun produit réel. Consultez la fiche technique de votre propre microcontrôleur et
# modifiez-les.
#
# Le programme (le code d’inférence, le pilote du capteur, toute bibliothèque d’exécution) a aussi
# besoin de flash et de RAM. La quantité dépend de la chaîne d’outils et nos sources ne la donnent
# pas ; les valeurs `PROGRAM_*` ci-dessous sont des substituts que vous devriez remplacer par ce
# qu’indique votre compilation.

# %% [markdown] text=9
# Notre modèle de gestes est minuscule. Pour comparaison, voici les modèles int8 des deux fiches
# techniques de capteurs ML qu’utilise ce cours (le module « Les capteurs ML et leurs fiches
# techniques ») : le MobileNetV1 du module de détection de personnes PA1 (image en niveaux de gris
# de 96 × 96) et le détecteur de visages du Person Sensor (RetinaFace, 192 × 144). La fiche
# technique du PA1 écrit son unité « Kb », ce qui peut signifier kilobits ou kilooctets ; le
# graphique la lit comme des kilooctets, la plus grande des deux.

# %% figure=4 alt="Graphique en barres horizontales avec un axe logarithmique en kilooctets comparant la flash et la RAM. Le modèle de gestes int8 de ce TP a besoin d’environ un demi-kilooctet de flash et de moins d’un kilooctet de RAM, tampon de la fenêtre compris ; les chiffres publiés du détecteur de personnes PA1 sont 309,5 et 131, et ceux du détecteur de visages du Person Sensor 449 et 442,6 ; des lignes verticales en tirets marquent le budget d’exemple de 256 kB de flash et 64 kB de RAM, dans lequel le modèle de gestes tient largement et que les deux modèles de personnes dépassent."

# %% [markdown] text=10
# La fiche technique du PA1 indique aussi ce que la quantification a coûté à son détecteur de
# personnes : une exactitude de **76,3 %** en float32 et de **75,5 %** en int8 (fiche technique
# open source Rev. 3, p. 23). Comparez cette baisse avec celle que vous avez mesurée dans la
# partie 3.
#
# ## 5. Ce que la puce coûte à la planète
#
# Un modèle qui tient dans un microcontrôleur plus petit peut vous permettre de choisir une puce
# plus petite. Le TinyML CO2 Footprint Calculator (utilisé dans le module « empreinte
# environnementale ») compte le carbone du microcontrôleur selon la surface de sa puce. Ses
# options de traitement, tirées de la bibliothèque d’empreinte de ce cours :

# %% [markdown] text=11
# Le calculateur ne relie pas la surface de la puce à la flash ni à la RAM, et nos sources ne
# donnent aucun chiffre pour ce lien ; ce TP n’en calcule donc pas. Considérez le tableau comme la
# fourchette dans laquelle se déplace un choix de puce.
#
# ## Exercices
#
# Modifiez les valeurs dans les cellules ci-dessous et exécutez-les à nouveau. La page publiée
# montre les valeurs par défaut.
#
# ### Exercice 1 : moins de bits
#
# Quantifiez sur 4 bits au lieu de 8 : le même schéma avec des entiers de -7 à 7. Quelle
# exactitude perd-on, et combien de flash les poids économiseraient-ils si deux poids de 4 bits
# partageaient un octet ?

# %% [markdown] text=12
# ### Exercice 2 : votre carte
#
# Indiquez la flash et la RAM de votre propre carte dans la cellule « Est-ce que ça tient ? »
# ci-dessus, ainsi que les tailles du programme qu’indique votre chaîne d’outils. Combien de
# copies de ce modèle tiendraient ? Qu’est-ce qui manque en premier, la flash ou la RAM ?
#
# ### Exercice 3 : une fenêtre plus longue
#
# Mettez `WINDOW_SECONDS` à 4 en haut de la partie 1 et exécutez à nouveau tout le TP. Que
# deviennent le tampon de la fenêtre, l’arithmétique des caractéristiques, les MAC du réseau et
# l’exactitude ? Pourquoi la taille du réseau ne change-t-elle pas ?
#
# ### Questions à discuter
#
# 1. Les données sont ici synthétiques. Nommez trois manières dont de vraies données
#    d’accéléromètre prises aux poignets de vos apprenants seraient différentes, et l’effet de
#    chacune sur l’exactitude.
# 2. Le jeu de test a été tiré du même générateur que le jeu d’entraînement. À quoi ressemblerait
#    un test équitable d’un système de reconnaissance de gestes destiné à toute une classe ?
# 3. Le modèle int8 a donné le même résultat que le modèle en virgule flottante sur presque toutes
#    les fenêtres. Quand vous attendriez-vous à ce que la quantification nuise davantage ?
