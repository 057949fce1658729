"""Generate a synthetic courseware project for build benchmarks.

N modules with pages of realistic length (about 1,100 words, headings, a table, a code block
and an admonition), M offerings, and every page
translated into every declared language. Deterministic: the same arguments give the same
files.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from courseware.i18n.hashing import source_hash

WORDS = {
    "en": "the data model learning student device sensor power energy battery memory value "
    "signal network accuracy latency footprint carbon training inference board camera audio "
    "microcontroller flash quantization feature window sample rate threshold result".split(),
    "es": "el la los datos modelo aprendizaje estudiante dispositivo sensor energía batería "
    "memoria valor señal red precisión latencia huella carbono entrenamiento inferencia placa "
    "cámara audio microcontrolador muestra ventana umbral resultado".split(),
    "pt": "o a os dados modelo aprendizagem estudante dispositivo sensor energia bateria "
    "memória valor sinal rede precisão latência pegada carbono treino inferência placa câmara "
    "áudio microcontrolador amostra janela limiar resultado".split(),
    "fr": "le la les données modèle apprentissage étudiant appareil capteur énergie batterie "
    "mémoire valeur signal réseau précision latence empreinte carbone entraînement inférence "
    "carte caméra audio microcontrôleur échantillon fenêtre seuil résultat".split(),
    "ar": "البيانات النموذج التعلم الطالب الجهاز المستشعر الطاقة البطارية الذاكرة القيمة "
    "الإشارة الشبكة الدقة الكمون البصمة الكربون التدريب الاستدلال اللوحة الكاميرا الصوت "
    "المتحكم العينة النافذة العتبة النتيجة".split(),
}

CODE = """```python
import numpy as np


def normalize(x: np.ndarray, eps: float = 1e-8) -> np.ndarray:
    mean = x.mean(axis=0)
    return (x - mean) / (x.std(axis=0) + eps)


print(normalize(np.random.default_rng({seed}).normal(size=(100, {k}))).std(axis=0))
```"""


def _sentence(rng: random.Random, vocabulary: list[str], count: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(count)).capitalize() + "."


def _paragraph(rng: random.Random, vocabulary: list[str], words: int) -> str:
    sentences, total = [], 0
    while total < words:
        count = rng.randint(8, 18)
        sentences.append(_sentence(rng, vocabulary, count))
        total += count
    return " ".join(sentences)


def module_text(index: int, language: str) -> str:
    """About 1,100 words of Markdown: sections, a table, a code block and a note."""
    rng = random.Random(f"{index}-{language}")
    vocabulary = WORDS[language]
    parts = [_paragraph(rng, vocabulary, 54), ""]
    for section in range(1, 5):
        title = " ".join(rng.choice(vocabulary) for _ in range(3)).title()
        parts += [f"## {section}. {title}", "", _paragraph(rng, vocabulary, 50), ""]
        for sub in range(1, 3):
            title = " ".join(rng.choice(vocabulary) for _ in range(2)).title()
            parts += [f"### {section}.{sub} {title}", "", _paragraph(rng, vocabulary, 54), ""]
        if section == 2:
            parts.append("| " + " | ".join(rng.choice(vocabulary) for _ in range(4)) + " |")
            parts.append("|---|---|---|---|")
            for _ in range(6):
                row = [rng.choice(vocabulary), str(rng.randint(1, 999)), f"{rng.random():.3f}"]
                parts.append("| " + " | ".join([*row, rng.choice(vocabulary)]) + " |")
            parts.append("")
        if section == 3:
            parts += [CODE.format(seed=index, k=rng.randint(2, 9)), ""]
        if section == 4:
            parts += ['!!! note "Note"', "", "    " + _paragraph(rng, vocabulary, 25), ""]
    return "\n".join(parts) + "\n"


def _module_yaml(index: int, prerequisite: str | None) -> str:
    prerequisites = f"[{prerequisite}]" if prerequisite else "[]"
    return f"""id: module-{index:04d}
title: Synthetic module {index}
summary: A generated module for build benchmarks.
learning_objectives:
  - Read a generated page.
prerequisites: {prerequisites}
time:
  teaching_minutes: 30
  exercises_minutes: 15
level: introductory
audience: [everyone]
topics: [tinyml-fundamentals]
license: CC-BY-4.0
authors:
  - name: Benchmark generator
instructor:
  why_assign: It is generated.
  where_it_fits: Anywhere.
last_reviewed: 2026-11-25
life_cycle: stable
"""


def _offering(index: int) -> str:
    return f"""id: offering-{index:04d}
kind: {"course" if index % 2 else "workshop"}
title: Synthetic offering {index}
dates:
  start: "2023-0{1 + index % 9}"
audience: [everyone]
language_of_instruction: [en]
language_of_materials: [en]
"""


def generate_project(
    destination: Path, repository: Path, modules: int, offerings: int, languages: int
) -> Path:
    """Write a project with ``modules`` modules and ``offerings`` offerings; return its root.

    The languages are the first ``languages`` of the repository's ``languages.yaml``; the
    repository's mkdocs.yml, topics and hand pages are reused.
    """
    if destination.exists():
        shutil.rmtree(destination)
    (destination / "curriculum" / "offerings").mkdir(parents=True)
    shutil.copy(repository / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copy(repository / "curriculum" / "topics.yaml", destination / "curriculum")
    codes = ["en", "es", "pt", "fr", "ar"][:languages]
    source = (repository / "curriculum" / "languages.yaml").read_text(encoding="utf-8")
    blocks = source.split("  - code: ")
    kept = [blocks[0]] + [b for b in blocks[1:] if b.split("\n", 1)[0].strip() in codes]
    (destination / "curriculum" / "languages.yaml").write_text(
        "  - code: ".join(kept), encoding="utf-8"
    )
    (destination / "pages").mkdir()
    (destination / "pages" / "index.md").write_text("# Home\n\nA synthetic project.\n")
    for language in codes[1:]:
        (destination / "pages" / f"index.{language}.md").write_text(
            f"# Home ({language})\n\n{_paragraph(random.Random(language), WORDS[language], 40)}\n",
            encoding="utf-8",
        )
    for index in range(offerings):
        path = destination / "curriculum" / "offerings" / f"offering-{index:04d}.yaml"
        path.write_text(_offering(index), encoding="utf-8")
    for index in range(modules):
        folder = destination / "modules" / f"module-{index:04d}"
        folder.mkdir(parents=True)
        prerequisite = f"module-{index - 1:04d}" if index % 10 else None
        (folder / "module.yaml").write_text(_module_yaml(index, prerequisite), encoding="utf-8")
        (folder / "index.md").write_text(module_text(index, "en"), encoding="utf-8")
        recorded = source_hash(folder / "index.md")
        for language in codes[1:]:
            header = f"---\ntranslation_of: index.md\nsource_hash: {recorded}\n---\n\n"
            text = header + module_text(index, language)
            (folder / f"index.{language}.md").write_text(text, encoding="utf-8")
    return destination
