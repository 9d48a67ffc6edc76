"""ferramentas/limites.py: os pacotes de requirements.txt fixados no limite inferior (para `make limites`)."""

import limites
import pytest


def test_pins_every_requirement_at_its_lower_bound(root):
    text = (root / "requirements.txt").read_text()
    pins = limites.lower_bound_pins(root / "requirements.txt")
    assert pins and all(pin.replace("==", ">=") in text for pin in pins)


def test_only_lower_bounds_are_accepted(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# comentário\nnumpy>=1.26  # motivo\n\n")
    assert limites.lower_bound_pins(requirements) == ["numpy==1.26"]
    requirements.write_text("numpy<2\n")
    with pytest.raises(SystemExit, match="pacote>=versão"):
        limites.lower_bound_pins(requirements)
