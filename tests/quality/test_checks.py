"""The source checks themselves, on small pages: they find what they are for, and let good
pages and the exceptions WCAG makes (names, terms, code) pass."""

from __future__ import annotations

from tests.quality.page_source import (
    alt_text_problems,
    heading_problems,
    link_text_problems,
    parse,
)
from tests.quality.text_language import guess_language, mismatches, text_blocks


def page(lang: str, body: str) -> str:
    head = "<head><title>T</title></head>"
    return f'<!doctype html><html lang="{lang}">{head}<body>{body}</body></html>'


def test_guess_language_reads_function_words_and_script() -> None:
    assert (
        guess_language("The footprint of a device is the sum of its life cycle stages.")[0] == "en"
    )
    assert (
        guess_language("La huella de un dispositivo es la suma de las etapas del ciclo.")[0] == "es"
    )
    assert (
        guess_language("A pegada de um dispositivo é a soma das etapas do ciclo de vida.")[0]
        == "pt"
    )
    assert (
        guess_language("L'empreinte d'un appareil est la somme des étapes du cycle de vie.")[0]
        == "fr"
    )
    assert guess_language("البصمة الكربونية لجهاز هي مجموع مراحل دورة حياته كلها.")[0] == "ar"


def test_names_terms_and_short_labels_are_not_judged() -> None:
    for text in ("TinyML Courseware", "kg CO2e", "Arduino Nano 33 BLE Sense", "MobileNetV1"):
        assert guess_language(text)[0] is None


def test_an_untranslated_paragraph_is_found_and_a_marked_one_is_not() -> None:
    unmarked = page("fr", "<p>This module follows a device through the stages of its life.</p>")
    marked = page(
        "fr",
        '<div lang="en"><p>This module follows a device through the stages of its life.</p></div>',
    )
    found = mismatches(text_blocks(unmarked))
    assert [(m.block.declared, m.written) for m in found] == [("fr", "en")]
    assert mismatches(text_blocks(marked)) == []


def test_code_is_in_no_language() -> None:
    html = page(
        "ar", "<p>شغّل الأمر</p><pre><code>for the_value in the_list: print(the_value)</code></pre>"
    )
    assert mismatches(text_blocks(html)) == []


def test_inline_elements_join_their_paragraph_and_links_stand_alone() -> None:
    html = page(
        "es",
        "<p>Es <em>la suma</em> de las etapas del ciclo de vida de un "
        "<a href='x'>dispositivo</a>.</p>",
    )
    blocks = [b.text for b in text_blocks(html)]
    assert blocks[-2:] == ["dispositivo", "Es la suma de las etapas del ciclo de vida de un ."]


def test_alt_text_placeholders_and_file_names_are_problems() -> None:
    soup = parse(
        page(
            "en",
            '<img src="a.png" alt="Line chart of devices per year, rising from 15 to 250 billion.">'
            '<img src="b.png" alt="">'
            '<img src="output_0_1.png" alt="output_0_1.png">'
            '<img src="c.png" alt="No description has been provided for this image">'
            '<img src="d.png">',
        )
    )
    problems = alt_text_problems(soup)
    assert len(problems) == 4
    assert not any("a.png" in p for p in problems)


def test_headings_may_go_up_any_number_of_levels_and_down_one() -> None:
    assert heading_problems(parse(page("en", "<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2>"))) == []
    assert heading_problems(parse(page("en", "<h1>A</h1><h3>C</h3>"))) == [
        "h1 is followed by h3 ('C')"
    ]
    assert heading_problems(parse(page("en", "<h2>B</h2>"))) == [
        "the first heading is h2 ('B'), not h1"
    ]


def test_vague_link_text_is_a_problem_in_every_language() -> None:
    body = (
        '<a href="/a/">here</a><a href="/b/">Cliquez ici</a><a href="/c/">هنا</a>'
        '<a href="/d/"></a><a href="/e/">The TinyML CO2 footprint calculator</a>'
        '<h2 id="x">X<a class="headerlink" href="#x">¶</a></h2>'
    )
    problems = link_text_problems(parse(page("en", body)))
    assert [p.split(">")[0] for p in problems] == [
        "<a href='/a/'",
        "<a href='/b/'",
        "<a href='/c/'",
        "<a href='/d/'",
    ]
