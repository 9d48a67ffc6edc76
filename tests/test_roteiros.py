"""Todo número que o roteiro (README.md) de um capítulo cita é um número que o notebook imprimiu.

Assim, `make saidas` seguido de um roteiro desatualizado faz os testes falharem. Conferimos os números
que são resultados: com vírgula decimal (`5,63`), com milhares separados por espaço (`151 352`) e as
porcentagens (`19,3 %`). Inteiros pequenos (seções, tamanhos, anos) ficam de fora. O roteiro pode citar
um número que não vem do notebook (o tamanho do GPT-3, por exemplo) se o declarar num comentário
`<!-- números de fora: 175 000 | 1,5 -->`; o teste confere que cada número declarado aparece no texto.
"""

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

import nbformat
import pytest

SPACE = "[  ]"  # espaço comum, fino ou inseparável
# Um número no padrão brasileiro: 151 352 | 5,628 | 1 234,5 | 19 (só se seguido de %) | 2 (só se seguido de
# *threads* ou segundos: contagens que um roteiro copia da execução e que mudam de uma máquina para outra).
BR_NUMBER = re.compile(rf"(?<![\w.,])(?:\d{{1,3}}(?:{SPACE}\d{{3}})+(?:,\d+)?|\d+,\d+|\d+(?={SPACE}?%)"
                       rf"|\d+(?={SPACE}\*?(?:threads?|segundos?)\b))(?!\w|[.,]\d)")
# Nas saídas também valem os números como o Python os imprime: 5.628, 151352, 1.2e-07.
ANY_NUMBER = re.compile(rf"(?<![\w])\d+(?:{SPACE}\d{{3}})*(?:[.,]\d+)?(?:e[-+]?\d+)?")
DECLARED = re.compile(r"<!--\s*números de fora:(.*?)-->", re.S)


def prose(markdown):
    """O texto corrido: sem blocos de código, código em linha, endereços e comentários."""
    markdown = re.sub(r"```.*?```", " ", markdown, flags=re.S)
    markdown = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)
    markdown = re.sub(r"`[^`]*`", " ", markdown)
    return re.sub(r"\]\([^)]*\)", "]", markdown)


def to_decimal(text):
    text = re.sub(SPACE, "", text)
    if "," in text:
        text = text.replace(",", ".")
    return Decimal(text)


def printed_numbers(nb):
    found = set()
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            texts = [output.get("text", "")] + [output.get("data", {}).get("text/plain", "")]
            for text in texts:
                found.update(ANY_NUMBER.findall(text if isinstance(text, str) else "".join(text)))
    # Guardamos o texto, não o valor: 20,0 e 20,000000 são o mesmo Decimal, mas não o mesmo número impresso.
    return {re.sub(SPACE, "", n).replace(",", ".") for n in found}


def was_printed(quoted, printed):
    """O número citado é um impresso, talvez arredondado para menos casas."""
    value = to_decimal(quoted)
    places = Decimal(1).scaleb(value.as_tuple().exponent)
    with localcontext(prec=400):  # números longos nas saídas (10³⁵, por exemplo) cabem na precisão
        return any(p.quantize(places, rounding=mode) == value
                   for p in map(Decimal, printed) if p.as_tuple().exponent <= value.as_tuple().exponent
                   for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN))


def test_number_pattern_finds_results_not_section_numbers():
    text = "Na seção 4, 151 352 tokens; perda 5,628 e 19,3 % (1,59×); 2026 e 3 camadas; 2 *threads*, 3 segundos."
    assert BR_NUMBER.findall(prose(text + " `1,5` [a](x,1)")) == ["151 352", "5,628", "19,3", "1,59", "2", "3"]
    printed = {"5.6284", "151352", "0.193", "19.3", "1.59", "20.0", "20.000000", "3" + "0" * 40}
    assert was_printed("5,63", printed) and was_printed("151 352", printed)
    assert was_printed("20,000000", printed) and was_printed("20,0", printed)
    assert not was_printed("5,62", printed) and not was_printed("5,6284", {"5.63"})


def test_every_number_in_the_script_was_printed_by_the_notebook(notebook):
    script = (notebook.parent / "README.md").read_text(encoding="utf-8")
    if "## Exercícios" not in notebook.read_text(encoding="utf-8"):
        pytest.skip("capítulo ainda provisório")
    printed = printed_numbers(nbformat.read(notebook, as_version=4))
    declared = {n.strip() for block in DECLARED.findall(script) for n in block.split("|") if n.strip()}
    text = prose(script)
    for number in declared:
        assert number in text, f"'{number}' é declarado como número de fora, mas o roteiro não o cita"
    missing = sorted({n for n in BR_NUMBER.findall(text) if n not in declared and not was_printed(n, printed)},
                     key=text.index)
    assert not missing, f"números do roteiro que o notebook não imprimiu: {', '.join(missing)}"
