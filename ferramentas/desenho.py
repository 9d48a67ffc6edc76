"""Ajudantes de desenho compartilhados pelos infográficos do curso (só matplotlib).

Cada capítulo pode ter `infograficos/desenhar.py`: a primeira linha depois dos imports da biblioteca
padrão põe `ferramentas/` no caminho de importação; depois vêm `from desenho import ...` (e `from numeros
import ...`, para os números) e o script grava as imagens ao lado de si mesmo. O executor
`ferramentas/infograficos.py` roda todos eles.

Convenções:
- `new_figure(largura, altura)` devolve uma figura cujos eixos cobrem a figura inteira, com
  1 unidade = 1 polegada e a origem no canto inferior esquerdo. Assim tamanhos de caixas
  (em polegadas) e de fontes (em pontos, 72 por polegada) se relacionam sem surpresas.
- Uma "linha" de texto é uma `str`, um `Span` ou uma lista de `Span` (para misturar, na mesma
  linha, texto comum, **negrito** e `código` em fonte monoespaçada).
- `save(fig, caminho_sem_extensao)` confere o leiaute (texto vazando de caixa, textos
  sobrepostos, setas cortando texto) e grava `.png` e `.svg` de forma reprodutível.
- Scripts que rodam blocos dos notebooks fazem isso dentro de `with course_environment(...)`, que
  aponta CURSO_DADOS e CURSO_CACHE para o lugar certo e depois devolve o ambiente como estava.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex, to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Arc, Circle, FancyArrowPatch, FancyBboxPatch, Patch, Rectangle
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from numeros import decimal

# --- Configuração global: fonte padrão e saída reprodutível -------------------------------------

rc = matplotlib.rcParams  # o mesmo objeto que `plt.rcParams`
rc["font.family"] = "DejaVu Sans"
rc["font.monospace"] = ["DejaVu Sans Mono"]
rc["svg.fonttype"] = "path"  # glifos viram curvas: o SVG fica igual em qualquer máquina
rc["svg.hashsalt"] = "fazendo-um-llm"  # ids internos do SVG estáveis entre execuções

DPI = 150

# --- Paleta e tamanhos ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Colors:
    """Trio de cores de uma caixa: fundo, borda e texto de destaque."""

    face: str
    edge: str
    text: str


PALETTE: dict[str, Colors] = {
    "blue": Colors("#E4EFFB", "#3A72B8", "#1F4E85"),
    "green": Colors("#E3F4E9", "#2E8B57", "#1D6A40"),
    "orange": Colors("#FDEEDC", "#D9822B", "#9A5510"),
    "purple": Colors("#EEE8FA", "#7B55C7", "#55368F"),
    "red": Colors("#FCE7E7", "#C94A4A", "#962A2A"),
    "teal": Colors("#DDF2F2", "#2A9494", "#1B6666"),
    "yellow": Colors("#FFF5D6", "#C9A227", "#77600F"),
    "gray": Colors("#F2F4F7", "#8793A3", "#3D4652"),
    "white": Colors("#FFFFFF", "#8793A3", "#3D4652"),
}

INK = "#1F2933"  # texto principal
MUTED = "#5B6675"  # texto secundário (notas, legendas)
ARROW = "#56616F"  # setas
BACKGROUND = "white"

TITLE_SIZE = 19
SUBTITLE_SIZE = 12.5
HEADING_SIZE = 14
BODY_SIZE = 12.5
SMALL_SIZE = 10.5
CODE_SIZE = 12

LINE_SPACING = 1.4  # altura de uma linha, em múltiplos do tamanho da fonte

# Arquivos gravados por `save` nesta execução (o executor lê esta lista para relatar).
WRITTEN: list[Path] = []


# --- Texto rico -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """Trecho de texto com estilo próprio dentro de uma linha."""

    text: str
    bold: bool = False
    mono: bool = False
    italic: bool = False
    color: str | None = None
    size: float | None = None


def plain(text: str, **style) -> Span:
    """Texto comum."""
    return Span(text, **style)


def bold(text: str, **style) -> Span:
    """Texto em negrito."""
    return Span(text, bold=True, **style)


def code(text: str, **style) -> Span:
    """Código (fonte monoespaçada), como `nn.Linear` ou `loss.backward()`."""
    return Span(text, mono=True, **style)



SPACE = "␣"  # como mostramos um espaço dentro de um token


def token_spans(piece: str, *, color: str | None = None, is_bold: bool = False) -> list[Span]:
    """Token em fonte monoespaçada, com cada espaço mostrado como "␣" em cinza."""
    spans = []
    for chunk in re.findall(r" +|[^ ]+", piece):
        if chunk.startswith(" "):
            spans.append(code(SPACE * len(chunk), color=MUTED))
        else:
            spans.append(code(chunk, color=color, bold=is_bold))
    return spans


Line = str | Span | Sequence[Span]


def _spans(line: Line, size: float, color: str, is_bold: bool) -> list[Span]:
    """Normaliza uma linha em lista de `Span` com tamanho e cor resolvidos."""
    if isinstance(line, str):
        parts = [Span(line)]
    elif isinstance(line, Span):
        parts = [line]
    else:
        parts = list(line)
    resolved = []
    for span in parts:
        resolved.append(
            replace(
                span,
                size=span.size if span.size is not None else (size * 0.94 if span.mono else size),
                color=span.color or color,
                bold=span.bold or is_bold,
            )
        )
    return resolved


def _text_kwargs(span: Span) -> dict:
    return {
        "fontsize": span.size,
        "color": span.color,
        "fontfamily": "monospace" if span.mono else "sans-serif",
        "fontweight": "bold" if span.bold else "normal",
        "fontstyle": "italic" if span.italic else "normal",
    }


def _px_per_unit(ax) -> float:
    """Quantos pixels (na resolução interna da figura) vale 1 unidade dos eixos."""
    x0 = ax.transData.transform((0, 0))[0]
    x1 = ax.transData.transform((1, 0))[0]
    return x1 - x0


def _renderer(fig: Figure):
    return fig.canvas.get_renderer()


def line_width(ax, line: Line, size: float = BODY_SIZE, is_bold: bool = False) -> float:
    """Largura de uma linha de texto, em unidades dos eixos (polegadas)."""
    renderer = _renderer(ax.figure)
    total = 0.0
    for span in _spans(line, size, INK, is_bold):
        probe = Text(0, 0, span.text, **_text_kwargs(span))
        probe.set_figure(ax.figure)
        total += probe.get_window_extent(renderer).width
    return total / _px_per_unit(ax)


def line_height(line: Line, size: float = BODY_SIZE) -> float:
    """Altura reservada para uma linha, em polegadas."""
    spans = _spans(line, size, INK, False)
    biggest = max((s.size for s in spans), default=size)
    return biggest * LINE_SPACING / 72


def draw_lines(
    ax,
    x: float,
    y: float,
    lines: Iterable[Line],
    *,
    size: float = BODY_SIZE,
    color: str = INK,
    is_bold: bool = False,
    ha: str = "center",
    va: str = "center",
    zorder: float = 5,
) -> list[Text]:
    """Desenha linhas empilhadas; (x, y) é a âncora do bloco conforme `ha` e `va`."""
    lines = list(lines)
    heights = [line_height(line, size) for line in lines]
    total = sum(heights)
    top = {"center": y + total / 2, "top": y, "bottom": y + total}[va]
    renderer = _renderer(ax.figure)
    scale = _px_per_unit(ax)
    texts: list[Text] = []
    cursor_y = top
    for line, height in zip(lines, heights, strict=True):
        mid_y = cursor_y - height / 2
        cursor_y -= height
        spans = _spans(line, size, color, is_bold)
        # todos os trechos da linha na mesma linha de base, ~0,35 em abaixo do meio da linha
        # (o centro visual da DejaVu Sans), mesmo misturando fontes e tamanhos
        baseline = mid_y - 0.35 * max(span.size for span in spans) / 72
        created = []
        for span in spans:
            t = ax.text(0, baseline, span.text, ha="left", va="baseline", zorder=zorder, **_text_kwargs(span))
            created.append(t)
        widths = [t.get_window_extent(renderer).width / scale for t in created]
        width = sum(widths)
        start = {"left": x, "center": x - width / 2, "right": x - width}[ha]
        for t, w in zip(created, widths, strict=True):
            t.set_x(start)
            start += w
        texts.extend(created)
    return texts


# --- Registro para a conferência de leiaute -----------------------------------------------------


def _layout(fig: Figure) -> dict[str, list]:
    registry = getattr(fig, "_drawing_layout", None)
    if registry is None:
        registry = {"shapes": [], "arrows": []}
        fig._drawing_layout = registry
    return registry


def register_shape(patch: Patch) -> Patch:
    """Marca uma forma cujo contorno não pode ser cruzado por texto nem por outra forma."""
    _layout(patch.figure)["shapes"].append(patch)
    return patch


# --- Figura, título, caixas, setas ------------------------------------------------------------


# --- Números e formas pequenas usados por vários capítulos ----------------------------------------
# Os números (thousands, decimal, percent, …) vêm do bloco `numeros` do capítulo 00: `from numeros import …`.


def decimal_br(value: float, places: int = 2) -> str:
    """O `decimal` do bloco numeros com o sinal de menos tipográfico das figuras: -1.553 → "−1,55" (e nunca
    "−0,00")."""
    text = decimal(abs(value), places)
    return f"−{text}" if value < 0 and text != decimal(0, places) else text


def blend(color: str, amount: float, base: str = "#FFFFFF") -> str:
    """Mistura `amount` (0 a 1) de `color` sobre `base`."""
    c, b = np.array(to_rgb(color)), np.array(to_rgb(base))
    return to_hex(b + (c - b) * amount)


def plus_sign(ax, x: float, y: float, radius: float = 0.2, color: str = ARROW) -> Circle:
    """Círculo com "+" (soma elemento a elemento)."""
    circle = Circle((x, y), radius, facecolor="white", edgecolor=color, linewidth=1.8, zorder=4)
    ax.add_patch(circle)
    register_shape(circle)
    ax.plot([x - radius * 0.55, x + radius * 0.55], [y, y], color=color, lw=1.8, zorder=5, solid_capstyle="butt")
    ax.plot([x, x], [y - radius * 0.55, y + radius * 0.55], color=color, lw=1.8, zorder=5, solid_capstyle="butt")
    return circle


def lock(ax, x: float, y: float, color: str = PALETTE["gray"].edge, scale: float = 1.0,
         zorder: float = 6) -> None:
    """Cadeado desenhado com formas (corpo e alça), centrado em (x, y): marca o que está congelado.

    Só enfeite: não entra na conferência de leiaute."""
    w, h = 0.17 * scale, 0.13 * scale
    ax.add_patch(Rectangle((x - w / 2, y - h / 2 - 0.03 * scale), w, h, facecolor=color, edgecolor=color,
                           linewidth=1.0, zorder=zorder))
    ax.add_patch(Arc((x, y + h / 2 - 0.03 * scale), 0.11 * scale, 0.17 * scale, theta1=0, theta2=180,
                     color=color, linewidth=1.8 * scale, zorder=zorder))


def new_figure(width: float, height: float) -> tuple[Figure, object]:
    """Figura `width` × `height` polegadas, eixos invisíveis em polegadas, fundo branco."""
    fig = Figure(figsize=(width, height), dpi=DPI, facecolor=BACKGROUND)
    FigureCanvasAgg(fig)  # canvas próprio: não depende do backend do pyplot
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(0, height)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig, ax


def title(ax, text: str, subtitle: str | None = None, *, margin: float = 0.4) -> None:
    """Título (e subtítulo opcional) no alto da figura, alinhados à esquerda."""
    _, height = ax.figure.get_size_inches()
    draw_lines(ax, margin, height - 0.5, [text], size=TITLE_SIZE, is_bold=True, va="center", ha="left")
    if subtitle:
        draw_lines(ax, margin, height - 0.93, [subtitle], size=SUBTITLE_SIZE, color=MUTED, ha="left")


def box(
    ax,
    x: float,
    y: float,
    w: float,
    h: float,
    lines: Iterable[Line] = (),
    *,
    color: str = "blue",
    size: float = BODY_SIZE,
    text_color: str | None = None,
    is_bold: bool = False,
    ha: str = "center",
    pad: float = 0.15,
    rounding: float = 0.12,
    lw: float = 1.6,
    linestyle: str = "-",
    face: str | None = None,
    zorder: float = 2,
) -> FancyBboxPatch:
    """Caixa arredondada centrada em (x, y), com linhas de texto centradas verticalmente."""
    colors = PALETTE[color]
    patch = FancyBboxPatch(
        (x - w / 2, y - h / 2),
        w,
        h,
        boxstyle=f"round,pad=0,rounding_size={min(rounding, w / 2, h / 2)}",
        facecolor=face or colors.face,
        edgecolor=colors.edge,
        linewidth=lw,
        linestyle=linestyle,
        zorder=zorder,
    )
    ax.add_patch(patch)
    register_shape(patch)
    lines = list(lines)
    if lines:
        anchor_x = {"center": x, "left": x - w / 2 + pad, "right": x + w / 2 - pad}[ha]
        draw_lines(ax, anchor_x, y, lines, size=size, color=text_color or INK, is_bold=is_bold, ha=ha,
                   zorder=zorder + 1)
    return patch


def pill(
    ax,
    x: float,
    y: float,
    line: Line,
    *,
    color: str = "gray",
    size: float = SMALL_SIZE,
    ha: str = "center",
    pad_x: float = 0.12,
    height: float | None = None,
    is_bold: bool = True,
    zorder: float = 4,
) -> FancyBboxPatch:
    """Etiqueta arredondada cuja largura se ajusta ao texto (ex.: "capítulo 05")."""
    width = line_width(ax, line, size, is_bold) + 2 * pad_x
    h = height or size * 2.0 / 72
    cx = {"center": x, "left": x + width / 2, "right": x - width / 2}[ha]
    colors = PALETTE[color]
    patch = FancyBboxPatch(
        (cx - width / 2, y - h / 2),
        width,
        h,
        boxstyle=f"round,pad=0,rounding_size={h / 2}",
        facecolor=colors.face,
        edgecolor=colors.edge,
        linewidth=1.2,
        zorder=zorder,
    )
    ax.add_patch(patch)
    register_shape(patch)
    draw_lines(ax, cx, y, [line], size=size, color=colors.text, is_bold=is_bold, zorder=zorder + 1)
    return patch


def badge(ax, x: float, y: float, number: int | str, *, color: str = "blue", radius: float = 0.22,
          size: float = 13, zorder: float = 6) -> Circle:
    """Círculo cheio com um número (passos numerados)."""
    colors = PALETTE[color]
    circle = Circle((x, y), radius, facecolor=colors.edge, edgecolor="white", linewidth=1.5, zorder=zorder)
    ax.add_patch(circle)
    register_shape(circle)
    ax.text(x, y, str(number), ha="center", va="center_baseline", color="white", fontsize=size,
            fontweight="bold", zorder=zorder + 1)
    return circle


def cell(ax, x: float, y: float, w: float, h: float, *, face: str = "white", edge: str = "#C5CCD6",
         lw: float = 1.0, zorder: float = 2) -> Rectangle:
    """Célula retangular de tabela; (x, y) é o canto inferior esquerdo."""
    rect = Rectangle((x, y), w, h, facecolor=face, edgecolor=edge, linewidth=lw, zorder=zorder)
    ax.add_patch(rect)
    register_shape(rect)
    return rect


def arrow(
    ax,
    start: tuple[float, float],
    end: tuple[float, float],
    *,
    color: str = ARROW,
    lw: float = 2.0,
    rad: float = 0.0,
    head: float = 16,
    linestyle: str = "-",
    gap: float = 2.0,
    patch_a: Patch | None = None,
    patch_b: Patch | None = None,
    check: bool = True,
    zorder: float = 3,
) -> FancyArrowPatch:
    """Seta de `start` a `end` (reta, ou curva com `rad` ≠ 0); `gap` em pontos nas pontas.

    Com `patch_a`/`patch_b`, a seta é cortada na borda dessas caixas (útil com `start`/`end` nos
    centros das caixas)."""
    patch = FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={rad}", patchA=patch_a, patchB=patch_b,
                            shrinkA=gap, shrinkB=gap, **_arrow_style(color, lw, head, linestyle, zorder))
    return _add_arrow(ax, patch, check)


def path_arrow(
    ax,
    points: Sequence[tuple[float, float]],
    *,
    color: str = ARROW,
    lw: float = 2.0,
    head: float = 16,
    linestyle: str = "-",
    check: bool = True,
    zorder: float = 3,
) -> FancyArrowPatch:
    """Seta que segue uma poligonal (ex.: o desvio de uma conexão residual)."""
    patch = FancyArrowPatch(path=MplPath(list(points)), **_arrow_style(color, lw, head, linestyle, zorder))
    return _add_arrow(ax, patch, check)


def _arrow_style(color: str, lw: float, head: float, linestyle: str, zorder: float) -> dict:
    """O traço comum às setas do curso: ponta cheia, cantos em ângulo e pontas retas."""
    return {"arrowstyle": "-|>", "mutation_scale": head, "color": color, "linewidth": lw, "linestyle": linestyle,
            "joinstyle": "miter", "capstyle": "butt", "zorder": zorder}


def _add_arrow(ax, patch: FancyArrowPatch, check: bool) -> FancyArrowPatch:
    ax.add_patch(patch)
    if check:  # a conferência de leiaute do fim olha se a seta atravessa algum texto
        _layout(ax.figure)["arrows"].append(patch)
    return patch


# --- Conferência de leiaute ----------------------------------------------------------------------


def _shrunk(bbox: Bbox, px: float) -> Bbox:
    return Bbox.from_extents(bbox.x0 + px, bbox.y0 + px, bbox.x1 - px, bbox.y1 - px)


def _contains(outer: Bbox, inner: Bbox, tol: float = 0.5) -> bool:
    return (inner.x0 >= outer.x0 - tol and inner.y0 >= outer.y0 - tol
            and inner.x1 <= outer.x1 + tol and inner.y1 <= outer.y1 + tol)


def _overlaps(a: Bbox, b: Bbox, tol: float = 1.0) -> bool:
    return min(a.x1, b.x1) - max(a.x0, b.x0) > tol and min(a.y1, b.y1) - max(a.y0, b.y0) > tol


def check_layout(fig: Figure) -> list[str]:
    """Lista problemas de leiaute: texto que cruza a borda de uma caixa ou sai da figura, textos
    sobrepostos, caixas que se cruzam sem uma conter a outra e setas que atravessam texto."""
    fig.canvas.draw()
    renderer = _renderer(fig)
    registry = _layout(fig)
    margin = 3.0  # px de folga entre o texto e a borda de uma caixa
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    text_boxes = [(t, _shrunk(t.get_window_extent(renderer), 0.5)) for t in texts]
    shapes = [(p, p.get_window_extent(renderer)) for p in registry["shapes"]]
    problems: list[str] = []

    def describe(t: Text) -> str:
        return repr(t.get_text())

    for t, tb in text_boxes:
        if not _contains(fig.bbox, tb):
            problems.append(f"texto fora da figura: {describe(t)}")
        for _, sb in shapes:
            inner = _shrunk(sb, margin)
            if _overlaps(tb, sb, 0.0) and not _contains(inner, tb, 0.0):
                problems.append(f"texto cruza a borda de uma caixa: {describe(t)}")
                break
    for i, (t1, b1) in enumerate(text_boxes):
        for t2, b2 in text_boxes[i + 1:]:
            if _overlaps(b1, b2):
                problems.append(f"textos sobrepostos: {describe(t1)} × {describe(t2)}")
    for i, (_, b1) in enumerate(shapes):
        for _, b2 in shapes[i + 1:]:
            if _overlaps(b1, b2) and not (_contains(b1, b2) or _contains(b2, b1)):
                problems.append(f"caixas se cruzando em {b1.bounds} e {b2.bounds}")
    for patch in registry["arrows"]:
        path = patch.get_transform().transform_path(patch.get_path())
        # quebra em poligonais (curvas viram segmentos; CLOSEPOLY não vira um ponto na origem)
        pieces = [MplPath(points) for points in path.to_polygons(closed_only=False)]
        for t, tb in text_boxes:
            if any(piece.intersects_bbox(_shrunk(tb, 1.0), filled=False) for piece in pieces):
                problems.append(f"seta atravessa o texto {describe(t)}")
    return problems


class LayoutError(RuntimeError):
    """O desenho tem texto vazando, sobreposto ou cortado por seta."""


def save(fig: Figure, path_without_extension: str | Path) -> list[Path]:
    """Confere o leiaute e grava NOME.png (150 dpi) e NOME.svg, ambos reprodutíveis byte a byte.

    Se a conferência achar problemas, levanta `LayoutError` — a não ser que a variável de ambiente
    DESENHO_DEPURAR esteja definida: aí só avisa e grava, para você olhar a imagem."""
    base = Path(path_without_extension)
    problems = check_layout(fig)
    if problems:
        listing = "\n  - ".join(problems)
        message = f"problemas de leiaute em {base.name}:\n  - {listing}"
        if not os.environ.get("DESENHO_DEPURAR"):
            raise LayoutError(message)
        print(message, file=sys.stderr)  # modo de depuração: avisa, mas grava mesmo assim
    png = base.parent / f"{base.name}.png"
    svg = base.parent / f"{base.name}.svg"
    fig.savefig(png, dpi=DPI, facecolor=BACKGROUND, metadata={"Software": None})
    fig.savefig(svg, facecolor=BACKGROUND, metadata={"Date": None, "Creator": None})
    WRITTEN.extend([png, svg])
    return [png, svg]


# --- Ambiente para rodar blocos dos notebooks -----------------------------------------------------


@contextmanager
def course_environment(data_dir: str | Path, *, workdir: str | Path | None = None,
                       prefix: str = "infograficos-") -> Iterator[None]:
    """Ambiente do curso para um script de infográficos que roda blocos de um notebook.

    CURSO_DADOS aponta para `data_dir`; CURSO_CACHE, se não vier definido, para uma pasta temporária
    (nome começando por `prefix`): `download_file` copia os arquivos para o cache do curso, e assim o
    cache de quem roda o script fica intocado. Com `workdir`, a pasta atual passa a ser essa (ex.: a
    do capítulo, onde o notebook acha os próprios arquivos). Carregue os blocos (`blocos.load_blocks`)
    e rode o que lê dados dentro do `with`.

    Tudo volta ao que era na saída (o executor roda vários capítulos no mesmo processo)."""
    saved = {name: os.environ.get(name) for name in ("CURSO_DADOS", "CURSO_CACHE")}
    saved_cwd = Path.cwd()
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        os.environ["CURSO_DADOS"] = str(data_dir)
        if not saved["CURSO_CACHE"]:
            os.environ["CURSO_CACHE"] = tmp
        if workdir is not None:
            os.chdir(workdir)
        try:
            yield
        finally:
            if workdir is not None:
                os.chdir(saved_cwd)
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
