"""Infográficos do capítulo 07 — Instruction tuning.

Gera, nesta pasta, PNG e SVG de:
- formato-instrucao: do pré-treinamento ao ajuste por instruções. À esquerda, texto corrido de Machado (a
  tarefa é prever o próximo token); à direita, uma entrada de verdade de `instrucoes-pt-br.json` no formato
  do curso (`format_input(entry) + entry["output"]` e o `<|endoftext|>`), token a token, com a instrução, a
  entrada e a resposta coloridas e os tokens que a perda cobra (a máscara do prompt) em destaque;
- collate: o `instruction_collate` passo a passo no lote de brinquedo do notebook (completar, deslocar,
  ignorar o preenchimento, mascarar o prompt).

Nada é digitado à mão: o formato e o lote saem das funções do bloco `formato_instrucoes` do notebook deste
capítulo (`format_input`, `instruction_collate`), a entrada de exemplo sai de `load_instruction_data("pt")`
(bloco `dados_instrucoes`; o arquivo `instrucoes-pt-br.json` é lido da pasta do capítulo) e os tokens, do BPE
do curso, treinado como o bloco `dados_machado` o treina (na parte de treino de Machado, alguns segundos; é o
mesmo tokenizador que o modelo do capítulo 05 guarda, sem depender do cache). Os livros vêm da pasta da
variável CURSO_DADOS ou de `../shared/dados`; o cache do curso (CURSO_CACHE) fica numa pasta temporária se não
vier definido.

Rode com `python ferramentas/infograficos.py 07` (ou diretamente, `python` neste arquivo).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "ferramentas"))  # desenho, numeros, blocos, raiz

import blocos  # noqa: E402
import nbformat  # noqa: E402
from desenho import (  # noqa: E402
    BODY_SIZE,
    HEADING_SIZE,
    MUTED,
    PALETTE,
    SMALL_SIZE,
    arrow,
    badge,
    blend,
    bold,
    box,
    code,
    course_environment,
    draw_lines,
    line_width,
    new_figure,
    pill,
    plain,
    save,
    title,
    token_spans,
)
from numeros import thousands  # noqa: E402
from raiz import data_dir  # noqa: E402

HERE = Path(__file__).resolve().parent
CHAPTER_07 = HERE.parent
NOTEBOOK = CHAPTER_07 / "notebook.ipynb"
DATA_DIR = data_dir()

# o texto corrido do pré-treinamento: a frase de Dom Casmurro que começa assim (até o primeiro ponto)
PRETRAIN_START = "Uma noite destas"
# quantos tokens do começo dessa frase mostramos antes do "próximo token"
PRETRAIN_CONTEXT = 6
# o <|endoftext|> do lote de brinquedo do notebook (o lote em si, `toy_batch`, é lido do notebook)
TOY_PAD = 0
NEWLINE = "↵"  # como mostramos uma quebra de linha dentro de um token

# papéis de um token e as cores
ROLE_COLOR = {"prompt": "blue", "response": "green", "end": "purple", "pad": "gray"}
PART_COLOR = {"instrução": "blue", "entrada": "orange", "resposta": "green"}
IGNORED_FACE = "#FFFFFF"


# --- o que vem do notebook ---------------------------------------------------------------------------


def chapter_blocks():
    """Os blocos do notebook de que as figuras precisam (e aqueles de que eles dependem)."""
    return blocos.load_blocks(NOTEBOOK, "receita_do_curso", "dados_machado", "dados_instrucoes",
                              "formato_instrucoes")


def course_tokenizer(m):
    """O BPE do curso, como o capítulo 05 o treina: só na parte de treino dos sete livros de Machado.

    Chame dentro de `course_environment(...)`: `machado_split` lê os livros pelo `download_file` do curso."""
    train_text, _ = m.machado_split()
    return m.train_tokenizer(train_text, m.COURSE_RECIPE["vocab_size"]), train_text


def pretraining_sentence(train_text: str) -> str:
    """A frase de Dom Casmurro que começa com PRETRAIN_START, até o primeiro ponto, numa linha só."""
    start = train_text.index(PRETRAIN_START)
    end = train_text.index(".", start) + 1
    return " ".join(train_text[start:end].split())


def pieces_of(tokenizer, text: str) -> list[str]:
    pieces = [tokenizer.decode([i]) for i in tokenizer.encode(text)]
    assert "".join(pieces) == text, "um token corta um caractere ao meio"
    return pieces


def instruction_example(m, tokenizer) -> dict:
    """A primeira entrada com `input` (a mesma que o notebook imprime), tokenizada como no InstructionDataset,
    e os alvos que contam na perda com e sem a máscara do prompt, tirados do `instruction_collate`."""
    entries = m.load_instruction_data("pt")
    entry = next(e for e in entries if e["input"])
    prompt = m.format_input(entry)
    dataset = m.InstructionDataset([entry], tokenizer)
    ids, prompt_length = dataset[0]
    eot_id = m.end_of_text_id(tokenizer)
    counted = {}
    for mask_prompt in (False, True):
        _, targets = m.instruction_collate([(ids, prompt_length)], pad_id=eot_id, mask_prompt=mask_prompt)
        row = targets[0].tolist()
        counted[mask_prompt] = [j + 1 for j, y in enumerate(row) if y != -100]  # y[j] é o token j + 1
    pieces = [tokenizer.decode([i]) for i in ids]
    assert "".join(pieces) == prompt + entry["output"]
    assert len(counted[False]) == len(ids)  # sem a máscara: todos os tokens depois do primeiro, e o fim
    return {"entry": entry, "prompt": prompt, "pieces": pieces, "prompt_length": prompt_length,
            "counted": counted, "n_tokens": len(ids) + 1, "eot": m.EOT}


def notebook_toy_batch() -> list[tuple[list[int], int]]:
    """O `toy_batch = [...]` da célula do notebook que mostra o collate: (ids, tamanho do prompt)."""
    for cell in nbformat.read(NOTEBOOK, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        # as linhas de comando mágico do IPython (%matplotlib inline, !pip …) não são Python
        source = "\n".join(line for line in cell.source.splitlines() if not line.startswith(("%", "!")))
        for node in ast.parse(source).body:
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "toy_batch":
                return ast.literal_eval(node.value)
    raise LookupError("toy_batch não encontrado no notebook")


TOY_BATCH = notebook_toy_batch()


def toy_collate(m) -> dict:
    """O lote de brinquedo passo a passo: completado, deslocado e os alvos com e sem a máscara do prompt."""
    longest = max(len(ids) for ids, _ in TOY_BATCH) + 1
    padded = [ids + [TOY_PAD] * (longest - len(ids)) for ids, _ in TOY_BATCH]
    results = {}
    for mask_prompt in (False, True):
        inputs, targets = m.instruction_collate(TOY_BATCH, pad_id=TOY_PAD, mask_prompt=mask_prompt)
        results[mask_prompt] = (inputs.tolist(), targets.tolist())
    inputs = results[False][0]
    assert inputs == results[True][0] == [row[:-1] for row in padded]
    shifted = [row[1:] for row in padded]
    for (ids, _), row, targets in zip(TOY_BATCH, shifted, results[False][1]):
        assert targets[: len(ids)] == row[: len(ids)] and set(targets[len(ids):]) <= {-100}
    return {"longest": longest, "padded": padded, "inputs": inputs, "shifted": shifted,
            "targets": results[False][1], "masked": results[True][1]}


# --- peças comuns ------------------------------------------------------------------------------------


def shown(piece: str) -> str:
    return piece.replace("\n", NEWLINE)


def token_cell(ax, x: float, y: float, w: float, h: float, piece: str, color: str, *, strong: bool,
               size: float, eot: str) -> None:
    """Um token numa caixinha: fundo claro (não conta na perda) ou forte (conta), borda da cor do papel."""
    colors = PALETTE[color]
    face = blend(colors.edge, 0.42) if strong else colors.face
    if piece == eot:
        label = [code(piece, bold=True, size=size - 2.5, color=colors.text)]
    else:
        label = token_spans(shown(piece), color=colors.text, is_bold=strong)
    box(ax, x + w / 2, y, w, h, [label], color=color, face=face, size=size, rounding=0.04,
        lw=1.8 if strong else 1.0, pad=0.01)


# --- formato-instrucao -------------------------------------------------------------------------------


def format_figure(ex: dict, sentence: list[str], n_vocab: int) -> None:
    eot = ex["eot"]
    width, height = 12.4, 8.6
    fig, ax = new_figure(width, height)
    title(ax, "Do pré-treinamento ao ajuste por instruções",
          "a mesma tarefa, prever o próximo token, em outro tipo de texto; e a perda só cobra a resposta")
    green, purple = PALETTE["green"], PALETTE["purple"]
    top = height - 1.45

    # --- esquerda: o pré-treinamento
    lx0, lx1 = 0.4, 4.35
    pill(ax, lx0, top, [bold("capítulo 05 · pré-treinamento")], color="gray", size=BODY_SIZE, ha="left",
         height=0.42, pad_x=0.18)
    text = "".join(sentence)
    words, lines, current = text.split(" "), [], ""
    for word in words:  # quebra de linha simples, pela largura medida
        candidate = f"{current} {word}".strip()
        if current and line_width(ax, [plain(candidate, italic=True)], BODY_SIZE) > lx1 - lx0 - 0.4:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    text_h = 0.26 * len(lines) + 0.35
    text_y = top - 0.45 - text_h / 2
    box(ax, (lx0 + lx1) / 2, text_y, lx1 - lx0, text_h,
        [plain(f"“{line}" if i == 0 else line + ("”" if i == len(lines) - 1 else ""), italic=True)
         for i, line in enumerate(lines)],
        color="gray", face="white", size=BODY_SIZE - 1, ha="left", pad=0.2)
    y = text_y - text_h / 2 - 0.3
    draw_lines(ax, lx0, y, [[plain("Dom Casmurro", italic=True, color=MUTED),
                             plain(f": {len(sentence)} tokens no BPE do curso", color=MUTED)]],
               size=SMALL_SIZE, ha="left")

    # a seta do meio
    mid_y = top - 1.7
    arrow(ax, (lx1 + 0.12, mid_y), (lx1 + 0.72, mid_y), head=18, lw=2.4, gap=0)
    draw_lines(ax, lx1 + 0.42, mid_y - 0.32, [plain("mais treino", color=MUTED)], size=SMALL_SIZE - 1)

    # --- direita: o ajuste por instruções, token a token
    rx0 = lx1 + 0.9
    pill(ax, rx0, top, [bold("capítulo 07 · ajuste por instruções")], color="green", size=BODY_SIZE, ha="left",
         height=0.42, pad_x=0.18)
    entry = ex["entry"]
    draw_lines(ax, rx0, top - 0.42,
               [[plain("a primeira entrada com ", color=MUTED), code("input", color=MUTED), plain(" de ", color=MUTED),
                 code("instrucoes-pt-br.json", color=MUTED), plain(" (categoria ", color=MUTED),
                 code(entry["category"], color=MUTED), plain(")", color=MUTED)]],
               size=SMALL_SIZE, ha="left")
    prompt, pieces, counted = ex["prompt"], ex["pieces"], set(ex["counted"][True])
    starts = {"entrada": prompt.index("### Entrada:"), "resposta": prompt.index("### Resposta:")}

    def part_of(offset: int) -> str:
        if offset >= starts["resposta"]:
            return "resposta"
        return "entrada" if offset >= starts["entrada"] else "instrução"

    # as linhas do exemplo: cada token no seu lugar (coluna = caractere), a quebra de linha como ↵
    rows: list[list[tuple[int, str, str, bool]]] = [[]]
    offset, col = 0, 0
    for index, piece in enumerate(pieces):
        part = part_of(offset)
        assert part == part_of(offset + len(piece) - 1), f"o token {piece!r} cruza duas partes"
        assert "\n" not in piece[:-1], f"quebra de linha no meio do token {piece!r}"
        rows[-1].append((col, piece, part, index in counted))
        col += len(piece)
        offset += len(piece)
        if piece.endswith("\n"):
            rows.append([])
            col = 0
    rows[-1].append((col, eot, "fim", ex["n_tokens"] - 1 in counted))

    gx0 = rx0 + 1.45  # as linhas do exemplo começam aqui; à esquerda, o nome de cada parte
    cw, rh, ch = 0.175, 0.42, 0.33
    gy_top = top - 0.75
    row_parts = []
    for r, row in enumerate(rows):
        y = gy_top - r * rh - rh / 2
        for col, piece, part, strong in row:
            if piece == eot:
                w = line_width(ax, [code(eot, bold=True, size=SMALL_SIZE - 2.5)], SMALL_SIZE) + 0.16
                token_cell(ax, gx0 + col * cw + 0.015, y, w, ch, piece, "purple", strong=strong, size=SMALL_SIZE,
                           eot=eot)
            else:
                token_cell(ax, gx0 + col * cw + 0.015, y, len(piece) * cw - 0.03, ch, piece, PART_COLOR[part],
                           strong=strong, size=SMALL_SIZE + 0.5, eot=eot)
        blank = [piece for _, piece, _, _ in row] == ["\n"]  # a linha em branco entre as partes: sem chave
        row_parts.append(set() if blank else {part for _, _, part, _ in row} - {"fim"})

    # o nome de cada parte, à esquerda das suas linhas
    for part, color in PART_COLOR.items():
        mine = [r for r, parts in enumerate(row_parts) if parts == {part}]
        ya, yb = gy_top - mine[0] * rh - 0.06, gy_top - (mine[-1] + 1) * rh + 0.06
        x_bar = gx0 - 0.14
        ax.plot([x_bar + 0.07, x_bar, x_bar, x_bar + 0.07], [ya, ya, yb, yb], color=PALETTE[color].edge, lw=1.8,
                zorder=2)
        label = [[bold(part, color=PALETTE[color].text)]]
        if part == "entrada":
            label.append([plain("(opcional)", color=PALETTE[color].text)])
        draw_lines(ax, x_bar - 0.1, (ya + yb) / 2, label, size=SMALL_SIZE, ha="right")

    # o próximo token: os primeiros tokens da frase e o seguinte
    # (na altura da linha da resposta, à direita: as duas mostram o que a perda cobra)
    y = gy_top - (len(rows) - 1) * rh - rh / 2 + 0.55
    draw_lines(ax, lx0, y, [[bold("a tarefa: "), plain("prever o próximo token")]], size=BODY_SIZE, ha="left")
    y -= 0.55
    tw, th = 0.145, 0.36

    def cell_width(piece):
        return max(len(piece), 2) * tw + 0.08

    # Quantos tokens da frase cabem na coluna da esquerda, com a seta e o token seguinte (o tamanho de cada
    # token depende do tokenizador: um BPE maior faz tokens mais longos).
    shown = PRETRAIN_CONTEXT
    while shown > 2 and (sum(cell_width(p) + 0.05 for p in sentence[:shown]) + 0.47
                         + cell_width(sentence[shown])) > lx1 - lx0:
        shown -= 1
    x = lx0
    for piece in sentence[:shown]:
        w = cell_width(piece)
        token_cell(ax, x, y, w, th, piece, "gray", strong=False, size=SMALL_SIZE, eot=eot)
        x += w + 0.05
    nxt = sentence[shown]
    arrow(ax, (x + 0.02, y), (x + 0.42, y), head=11, lw=1.5, gap=0.5)
    x += 0.47
    token_cell(ax, x, y, cell_width(nxt), ch, nxt, "green", strong=True, size=SMALL_SIZE, eot=eot)
    y -= 0.5
    draw_lines(ax, lx0, y,
               ["em texto corrido, cada token é o alvo da",
                "posição anterior: a perda cobra todos"],
               size=SMALL_SIZE, color=MUTED, ha="left", va="top")


    # legenda: claro = prompt, só contexto; forte = a perda cobra
    n_rows = len(rows)
    ly = gy_top - n_rows * rh - 0.3
    n_prompt = ex["prompt_length"]
    n_response = len(pieces) - n_prompt
    n_counted = len(ex["counted"][True])
    legend = [
        (PALETTE["blue"].face, PALETTE["blue"].edge, 1.0,
         [plain("fundo claro: "), bold(f"{n_prompt} tokens"), plain(" do prompt, só contexto (alvo −100)")]),
        (blend(green.edge, 0.42), green.edge, 1.8,
         [plain("fundo forte: "), bold(f"{n_response} tokens"), plain(" da resposta + o "),
          code(eot, size=SMALL_SIZE - 1.5), plain(": a perda cobra")]),
    ]
    for face, edge, lw, line in legend:
        swatch = box(ax, gx0 - 0.14 - 0.13, ly, 0.26, 0.2, color="gray", face=face, rounding=0.03, lw=lw)
        swatch.set_edgecolor(edge)
        draw_lines(ax, gx0 - 0.03, ly, [line], size=SMALL_SIZE, ha="left")
        ly -= 0.32

    # --- embaixo: o que muda e o que não muda
    note_h = 1.45
    note_y = 0.35 + note_h / 2
    box(ax, width / 2, note_y, width - 0.8, note_h,
        [[bold("A tarefa é a mesma: "), plain("prever o próximo token, com a mesma entropia cruzada. O que muda é o "
                                             "texto — pares")],
         [plain("instrução → resposta, num formato fixo — e o que a perda cobra: com a "),
          bold("máscara do prompt", color=purple.text), plain(", os alvos")],
         [plain("do prompt viram −100 e só contam os tokens da resposta e o "), code(eot, bold=True),
          plain(" que a fecha (é com ele")],
         [plain("que o modelo aprende a parar). Neste exemplo, a perda cobra "),
          bold(f"{n_counted} dos {ex['n_tokens'] - 1} alvos", color=purple.text),
          plain(f" (sem a máscara, cobraria os {len(ex['counted'][False])}).")]],
        color="purple", face="white", size=BODY_SIZE - 1, ha="left", pad=0.25)
    draw_lines(ax, width - 0.4, note_y + note_h / 2 + 0.2,
               [plain(f"tokens do BPE do curso (vocabulário de {thousands(n_vocab)}); "
                      f"␣ = espaço, {NEWLINE} = quebra de linha", color=MUTED)],
               size=SMALL_SIZE - 1, ha="right")
    save(fig, HERE / "formato-instrucao")


# --- collate -----------------------------------------------------------------------------------------


def tokens(n: int) -> str:
    return f"{n} token" if n == 1 else f"{n} tokens"


def collate_figure(t: dict) -> None:
    width, height = 12.0, 9.8
    fig, ax = new_figure(width, height)
    title(ax, "O collate passo a passo",
          f"o lote de brinquedo do notebook: dois exemplos (prompt + resposta), com o <|endoftext|> = {TOY_PAD}")
    cw, ch = 0.62, 0.44
    seq_x = [3.0, 7.45]  # onde começa cada exemplo
    label_x = 2.75
    lengths = [len(ids) for ids, _ in TOY_BATCH]
    prompt_lengths = [p for _, p in TOY_BATCH]

    def role(seq: int, position: int) -> str:
        if position < prompt_lengths[seq]:
            return "prompt"
        if position < lengths[seq]:
            return "response"
        return "end" if position == lengths[seq] else "pad"

    def value_cell(x: float, y: float, value: int, kind: str) -> None:
        if value == -100:
            box(ax, x + cw / 2, y, cw - 0.06, ch, [bold("−100", color=PALETTE["red"].text)], color="red",
                face=IGNORED_FACE, size=SMALL_SIZE, rounding=0.05, lw=1.2, linestyle=(0, (3, 2)), pad=0.01)
            return
        color = ROLE_COLOR[kind]
        strong = kind in ("response", "end")
        face = blend(PALETTE[color].edge, 0.42) if strong else PALETTE[color].face
        box(ax, x + cw / 2, y, cw - 0.06, ch, [bold(str(value), color=PALETTE[color].text)], color=color,
            face=face, size=BODY_SIZE, rounding=0.05, lw=1.8 if strong else 1.1, pad=0.01)

    def row(y: float, label, values_per_seq, offset: int = 0) -> None:
        """Uma linha de células para cada exemplo; `offset` = posição do primeiro valor na sequência completada."""
        draw_lines(ax, label_x, y, [label], size=SMALL_SIZE + 0.5, ha="right")
        for s, values in enumerate(values_per_seq):
            for j, value in enumerate(values):
                value_cell(seq_x[s] + j * cw, y, value, role(s, j + offset))

    def heading(y: float, number: int, line) -> None:
        badge(ax, 0.62, y, number, color="gray", radius=0.2, size=12)
        draw_lines(ax, 0.97, y, [line], size=HEADING_SIZE - 1, ha="left")

    # os exemplos
    y = height - 1.5
    for s, (ids, p) in enumerate(TOY_BATCH):
        draw_lines(ax, seq_x[s], y,
                   [[bold(f"exemplo {s + 1}: "), plain(f"prompt de {p}, resposta de {tokens(len(ids) - p)}",
                                                        color=MUTED)]],
                   size=SMALL_SIZE + 0.5, ha="left")

    # 1. completar
    y -= 0.6
    heading(y, 1, [bold("completar "), plain(f"com {TOY_PAD} até a mais longa + 1: {max(lengths)} + 1 = {t['longest']} "
                                             "posições")])
    y -= 0.6
    row(y, [plain("completada")], t["padded"])
    for s in range(len(TOY_BATCH)):
        x_end = seq_x[s] + lengths[s] * cw + cw / 2
        draw_lines(ax, x_end, y - ch / 2 - 0.18, [plain("fim", color=PALETTE["purple"].text)], size=SMALL_SIZE - 1)

    # 2. deslocar
    y -= 0.85
    heading(y, 2, [bold("deslocar "), plain("de uma posição: entradas = todas menos a última; alvos = todas menos "
                                            "a primeira")])
    y_in = y - 0.6
    y_out = y_in - 0.95
    row(y_in, [plain("entradas")], t["inputs"])
    row(y_out, [plain("alvos")], t["shifted"], offset=1)
    for s in range(len(TOY_BATCH)):
        for j in range(t["longest"] - 1):
            x = seq_x[s] + j * cw + cw / 2
            arrow(ax, (x, y_in - ch / 2), (x, y_out + ch / 2), head=9, lw=1.1, gap=1.0)
    draw_lines(ax, label_x, (y_in + y_out) / 2, [plain("prevê ↓", color=MUTED)], size=SMALL_SIZE - 0.5, ha="right")

    # 3. ignorar o preenchimento
    y = y_out - 0.85
    heading(y, 3, [bold("ignorar o preenchimento: "), plain(f"os alvos {TOY_PAD} viram −100, menos o primeiro")])
    y -= 0.6
    row(y, [code("mask_prompt=False", size=SMALL_SIZE)], t["targets"], offset=1)
    for s in range(len(TOY_BATCH)):
        j = lengths[s] - 1  # o alvo do último token da resposta: o primeiro 0
        x = seq_x[s] + j * cw + cw / 2
        draw_lines(ax, x, y - ch / 2 - 0.2, [bold("aprende a parar", color=PALETTE["purple"].text)],
                   size=SMALL_SIZE - 1.5)

    # 4. mascarar o prompt
    y -= 0.95
    heading(y, 4, [bold("mascarar o prompt: "), plain("os alvos do prompt também viram −100")])
    y -= 0.6
    row(y, [code("mask_prompt=True", size=SMALL_SIZE)], t["masked"], offset=1)
    counted = [sum(v != -100 for v in values) for values in t["masked"]]
    counted_values = [v for values in t["masked"] for v in values if v != -100]
    for s in range(len(TOY_BATCH)):
        x = seq_x[s] + (t["longest"] - 1) * cw + 0.1
        draw_lines(ax, x, y, [plain(f"{counted[s]} contam", color=MUTED)], size=SMALL_SIZE - 0.5, ha="left")
    responses = [v for ids, p in TOY_BATCH for v in ids[p:]]
    y -= 0.6
    draw_lines(ax, label_x - 1.8, y,
               [[plain("contam na perda só as respostas ("), bold(", ".join(map(str, responses[:-1]))),
                 plain(" e "), bold(str(responses[-1])), plain(f") e o primeiro {TOY_PAD} de cada exemplo: "),
                 bold(f"{sum(counted)} de {sum(len(v) for v in t['masked'])} alvos"),
                 plain("; as entradas não mudam")]],
               size=SMALL_SIZE + 0.5, ha="left")
    assert sorted(counted_values) == sorted(responses + [TOY_PAD] * len(TOY_BATCH))

    # legenda
    y -= 0.65
    x = label_x - 1.8
    items = [("prompt", "prompt"), ("response", "resposta"), ("end", f"{TOY_PAD} = <|endoftext|> que fecha"),
             ("pad", "preenchimento"), ("ignored", "−100: a perda ignora")]
    for kind, text in items:
        if kind == "ignored":
            box(ax, x + 0.15, y, 0.3, 0.24, color="red", face=IGNORED_FACE, rounding=0.04, lw=1.2,
                linestyle=(0, (3, 2)))
        else:
            color = ROLE_COLOR[kind]
            strong = kind in ("response", "end")
            box(ax, x + 0.15, y, 0.3, 0.24, color=color, rounding=0.04, lw=1.8 if strong else 1.1,
                face=blend(PALETTE[color].edge, 0.42) if strong else PALETTE[color].face)
        draw_lines(ax, x + 0.4, y, [plain(text, color=MUTED)], size=SMALL_SIZE, ha="left")
        x += 0.4 + line_width(ax, [plain(text)], SMALL_SIZE) + 0.35
    save(fig, HERE / "collate")


def main() -> None:
    # a pasta atual é a do capítulo, onde `load_instruction_data` acha `instrucoes-pt-br.json` (como no notebook)
    with course_environment(DATA_DIR, workdir=CHAPTER_07, prefix="infograficos-07-"):
        m = chapter_blocks()
        tokenizer, train_text = course_tokenizer(m)
        example = instruction_example(m, tokenizer)
        toy = toy_collate(m)
    sentence = pieces_of(tokenizer, pretraining_sentence(train_text))
    format_figure(example, sentence, tokenizer.n_vocab)
    entry = example["entry"]
    print(f"formato-instrucao: {entry['instruction']!r} | {entry['input']!r} → {entry['output']!r}; "
          f"{example['n_tokens']} tokens ({example['prompt_length']} do prompt, "
          f"{len(example['pieces']) - example['prompt_length']} da resposta, 1 <|endoftext|>); a perda cobra "
          f"{len(example['counted'][True])} de {example['n_tokens'] - 1} alvos com a máscara; "
          f"frase de Machado: {len(sentence)} tokens")
    collate_figure(toy)
    print(f"collate: entradas {toy['inputs']}; alvos {toy['targets']} → com a máscara {toy['masked']}")


if __name__ == "__main__":
    main()
