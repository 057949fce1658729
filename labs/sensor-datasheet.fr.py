# ---
# # This translation holds only the lab's text. Translate each Markdown cell, and the
# # alt="..." (and caption="...") of each figure; leave the text=N and figure=N of the
# # "# %%" lines as they are: they say which cell of sensor-datasheet.py each one translates.
# # The code always comes from sensor-datasheet.py. See CONTRIBUTING.md, "Translating a lab".
# title: Rédiger la fiche technique d’un capteur ML
# # ruff: noqa: E501 (alt texts sit on one cell-marker line each)
# jupyter:
#   courseware:
#     translation_of: sensor-datasheet.py
#     source_hash: sha256:85d9c636b024105d
# ---

# %% [markdown] text=1
# # Rédiger la fiche technique d’un capteur ML
#
# Un capteur ML garde son modèle et ses données brutes à l’intérieur du module et ne montre au
# monde extérieur que quelques octets de réponse. Personne ne peut regarder à l’intérieur : la
# **fiche technique** est donc la manière dont les acheteurs, les concepteurs et les auditeurs
# apprennent ce que fait le capteur. L’article **« Datasheets for Machine Learning Sensors »**
# (Stewart, Warden, Omri, Prakash et al., [arXiv 2306.08848](https://arxiv.org/abs/2306.08848))
# propose une fiche technique de dix blocs en quatre groupes : les blocs standard de capteur
# (description, conformité, format, communication, matériel), la vie privée et la sécurité IoT,
# les blocs IA (jeu de données et modèle), et deux nouveaux blocs propres aux capteurs ML
# (performance de bout en bout et impact environnemental).
#
# Dans ce TP, vous terminez une **ébauche** de fiche technique. Vous exécutez le validateur de ce
# cours (`courseware.datasheet`), corrigez ce qu’il trouve, calculez la partie environnementale à
# partir de la puissance de fonctionnement réelle du capteur au lieu du 1 mW par défaut du
# calculateur d’empreinte, et lisez le profil de matérialité et de risque du capteur.
#
# L’ébauche décrit un capteur d’anomalies de vibration **illustratif** : un exemple pédagogique
# qui ne correspond à aucun produit réel. Ses nombres ont été choisis pour l’enseignement et n’ont
# été mesurés par personne. La version terminée est la fiche technique d’exemple du cours
# `illustrative-vibration-sensor` (dans `curriculum/sensors/`).

# %% [markdown] text=2
# ## 1. L’ébauche
#
# Une fiche technique est un fichier YAML. L’ébauche est fournie avec ce TP sous le nom
# `data/vibration-sensor-draft.yaml` ; ouvrez-la à côté de ce notebook. Voici la partie sur
# laquelle vous travaillerez le plus, le bloc matériel et le bloc impact environnemental.

# %% [markdown] text=3
# L’auteur de l’ébauche a copié la partie environnementale du préréglage *Anomaly Detection* du
# TinyML CO2 Footprint Calculator : un total de 1,61 kg CO2e, avec la phase d’utilisation du
# calculateur à **1 mW**. Gardez ce nombre à l’œil.
#
# ## 2. Exécuter le validateur
#
# Le validateur charge le YAML dans le schéma de fiche technique, puis exécute chaque
# vérification. Chaque **constat** a une gravité (error, warning ou info), la vérification qui
# l’a produit, le champ qu’il désigne et la ligne du fichier. Une fiche technique est *valide*
# lorsqu’elle n’a aucune erreur ; les avertissements et les infos sont des conseils.
#
# Cette petite fonction fait ce que fait `courseware datasheet validate` en ligne de commande,
# pour un texte YAML gardé en mémoire.

# %% [markdown] text=4
# Lisez chaque constat et retrouvez sa ligne dans le fichier. Ce sont des erreurs que font de
# vraies fiches techniques : la fiche technique d’exemple open source du dépôt de l’article
# donnait son adresse I2C comme « TBD » dans sa première révision, écrit les tailles de mémoire
# avec l’ambigu « Kb » et annonce une plage de luminosité bien plus large que celle dans laquelle
# elle a été testée (voir sa page dans la galerie de fiches techniques du cours).
#
# ## 3. Corriger les constats de documentation
#
# Nous modifions le YAML chargé (un dictionnaire Python imbriqué) et le vérifions à nouveau.
# Chaque correction indique à quel constat elle répond.

# %% [markdown] text=5
# Il ne reste que les constats sur l’impact environnemental. (Les numéros de ligne renvoient
# maintenant au texte YAML modifié, et non au fichier de l’ébauche.)
#
# ## 4. La partie environnementale, à la puissance de fonctionnement réelle
#
# Le bloc matériel déclare une puissance de fonctionnement de 10 mW (3 mA sous 3,3 V). La partie
# copiée supposait 1 mW, la valeur par défaut du calculateur d’empreinte, si bien que sa phase
# d’utilisation est dix fois trop faible. Les deux fiches techniques d’exemple du dépôt de
# l’article montrent le même schéma : toutes deux déclarent un courant de fonctionnement de
# 40 mA, et pourtant leurs graphiques d’empreinte ne montrent aucune phase d’utilisation visible,
# ce qui correspond au 1 mW par défaut du calculateur (le validateur signale les deux).
#
# Au lieu de taper des nombres, une fiche technique peut donner une **configuration
# d’empreinte** : un préréglage ou des options du calculateur, le réseau électrique qui chargera
# l’appareil et le rapport cyclique. La bibliothèque `courseware.footprint` calcule alors la
# répartition, avec la phase d’utilisation obtenue à partir de la puissance de fonctionnement
# déclarée × rapport cyclique × durée de vie × intensité du réseau. Un total tapé à la main et un
# `use_phase_power_mw` tapé à la main ne sont alors plus nécessaires.

# %% [markdown] text=6
# Aucun constat : la fiche technique est valide. Calculez maintenant la partie environnementale
# qu’elle déclare.

# %% figure=1 alt="Graphique en barres horizontales empilées comparant deux empreintes du même capteur en kg CO2e, réparties par bloc. L’ébauche, tapée d’après le préréglage Anomaly Detection du calculateur avec une phase d’utilisation à 1 mW, totalise 1,61 kg. La partie calculée, avec les 10 mW déclarés sur le réseau de moyenne mondiale, totalise 1,73 kg : tous les blocs sont identiques sauf la phase d’utilisation, qui passe de 0,01 à environ 0,13 kg. Les plus gros blocs dans les deux cas sont l’alimentation secteur (0,52) et le transport (0,40)."

# %% [markdown] text=7
# Pour ce capteur, la différence est faible à côté des blocs intrinsèques : 10 mW, c’est encore
# peu. L’important est la méthode : la puissance déclarée par la fiche technique elle-même
# détermine désormais sa partie environnementale, si bien que les deux ne peuvent plus jamais se
# contredire. (L’exercice 2 montre un capteur pour lequel la phase d’utilisation compte.)
#
# ## 5. Le profil de matérialité et de risque
#
# Une fiche technique valide peut encore décrire un capteur risqué. L’article « Materiality and
# Risk in the Age of Pervasive AI Sensors » ([arXiv 2402.11183](https://arxiv.org/abs/2402.11183))
# examine les risques qui commencent au capteur lui-même, dans cinq domaines : l’étalonnage, la
# documentation, les données propriétaires, la vie privée et les déchets. Ce cours transforme ces
# domaines en une liste de contrôle notée à partir des champs de la fiche technique (la liste et
# la notation sont propres au cours, et non la méthode de l’article) : chaque élément obtient 0
# (documenté et atténué), 1 (documenté, non atténué) ou 2 (risqué ou non divulgué), et chaque
# domaine obtient de 0 (le mieux) à 100 (le pire).

# %% figure=2 alt="Graphique en barres horizontales groupées des scores de risque de 0 (le mieux) à 100 (le pire) dans cinq domaines, pour l’ébauche et pour la fiche technique corrigée. L’étalonnage et la validité passent de 50 à 0, la documentation de 50 à 25, et les déchets et l’environnement de 37,5 à 0 ; la profusion de données propriétaires reste à 25 et la vie privée à 20. Le score global passe de 36,5 à 14."

# %% [markdown] text=8
# Corriger les constats a réduit le risque, mais pas à zéro. Voici les éléments encore ouverts,
# avec les éléments de preuve que donne la fiche technique :

# %% [markdown] text=9
# Aucun d’eux n’est une erreur : une fiche technique peut dire honnêtement qu’il n’y a pas d’audit
# par un tiers. Le profil montre à un acheteur ce qui manque, pour qu’il puisse le demander.
#
# ## Exercices
#
# Modifiez les valeurs dans les cellules ci-dessous et exécutez-les à nouveau. La page publiée
# montre les valeurs par défaut.
#
# ### Exercice 1 : rapport cyclique et réseau électrique
#
# Le capteur écoute en permanence (rapport cyclique de 1). Supposons qu’il ne se réveille qu’un
# dixième du temps, ou qu’il soit chargé sur un autre réseau (`"norway"`, `"france"`, `"india"`,
# ou toute clé du tableau des réseaux de la bibliothèque d’empreinte). De combien le total
# change-t-il ?

# %% [markdown] text=10
# ### Exercice 2 : un capteur plus gourmand
#
# Le Person Sensor, un module caméra dont la fiche technique figure dans la galerie de fiches
# techniques de ce cours, déclare une puissance de fonctionnement d’environ 150 mW. Donnez cette
# puissance à notre capteur et recalculez : quelle est maintenant la taille de la phase
# d’utilisation à côté des blocs intrinsèques ? Que dit le validateur si le courant déclaré (3 mA)
# est laissé tel quel ?

# %% [markdown] text=11
# ### Exercice 3 : réduire les risques restants
#
# Choisissez un élément encore ouvert dans la partie 5 et modifiez la fiche technique pour y
# répondre honnêtement. Par exemple, déclarez les contrôles dont dispose une personne sur ce que
# le capteur capte (le domaine de la vie privée), ou renvoyez à un projet public qui reproduit
# l’évaluation (le domaine des données propriétaires). Quels éléments ne pouvez-vous corriger
# qu’en *faisant* quelque chose, et non en écrivant ?

# %% [markdown] text=12
# ### Exercice 4 : un capteur qui observe des personnes
#
# Notre capteur surveille des machines. Mettez `observes_people` à `True` et exécutez le
# validateur : quels champs deviennent obligatoires, et pourquoi la fiche technique d’un capteur
# qui observe des personnes en a-t-elle besoin ?
