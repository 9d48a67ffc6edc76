"""Os números do curso para as ferramentas e as figuras: o bloco `numeros` do capítulo 00, carregado do notebook.

Vírgula decimal e espaço entre os milhares (`thousands`, `decimal`, `percent`, `signed`, `scientific`,
`br_ticks`). A única versão é a do notebook; aqui ela só é carregada, uma vez, para quem roda fora dele.
"""

from __future__ import annotations

from blocos import load_blocks

_block = load_blocks("00-passo-zero/notebook.ipynb", "numeros")

thousands = _block.thousands
decimal = _block.decimal
percent = _block.percent
signed = _block.signed
scientific = _block.scientific
br_ticks = _block.br_ticks

__all__ = ["thousands", "decimal", "percent", "signed", "scientific", "br_ticks"]
