"""O modelo do curso copia do próprio contexto? Um teste de indução (issue 18).

Um modelo com cabeças de indução prevê bem a segunda vez de uma sequência que já viu: a perda na segunda cópia
cai muito abaixo da primeira. Mede isso em dois casos: 32 sequências de 30 tokens sorteados, repetidas; e 40
parágrafos da validação de Machado (60 tokens cada), repetidos.

Uso:
    python ferramentas/inducao.py                         # o modelo do curso no cache (CURSO_CACHE)
    python ferramentas/inducao.py caminho/do/checkpoint.pt
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import load_blocks  # noqa: E402


def copy_losses(model, sequences):
    """Perda média na primeira e na segunda cópia de cada sequência (a primeira posição de cada cópia fica fora)."""
    first, second = [], []
    for ids in sequences:
        seq = torch.tensor([ids + ids])
        with torch.no_grad():
            loss = F.cross_entropy(model(seq[:, :-1])[0], seq[0, 1:], reduction="none")
        n = len(ids)
        first.append(loss[: n - 1].mean().item())
        second.append(loss[n:].mean().item())
    return sum(first) / len(first), sum(second) / len(second)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ch05 = load_blocks("05-pre-treinamento/notebook.ipynb")
    device = torch.device("cpu")
    path = Path(argv[0]) if argv else ch05.course_model_path()
    model, tokenizer, _ = ch05.load_checkpoint(path, device)
    generator = torch.Generator().manual_seed(0)
    random_ids = torch.randint(300, tokenizer.n_vocab - 1, (32, 30), generator=generator).tolist()
    _, val_text = ch05.machado_split()
    paragraphs = [p for p in val_text.split("\n\n") if 150 < len(p) < 260][:40]
    real_ids = [tokenizer.encode(p)[:60] for p in paragraphs]
    for name, sequences in (("tokens sorteados", random_ids), ("parágrafos da validação", real_ids)):
        first, second = copy_losses(model, sequences)
        verdict = "copia" if second < 0.5 * first else "não copia"
        losses = f"perda na 1ª cópia {first:.3f}, na 2ª {second:.3f}".replace(".", ",")
        print(f"{name}: {losses} ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
