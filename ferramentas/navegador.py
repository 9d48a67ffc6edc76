"""Confere o caminho de quem aprende em casa: Jupyter Lab aberto num navegador de verdade, "Run All".

Faz o que uma pessoa faria depois de `make curso`: sobe o Jupyter Lab (do ambiente deste Python, só em
127.0.0.1, com um token aleatório), abre o notebook no Chromium, escolhe Run → Run All Cells e espera
o kernel terminar. Depois confere, no que a página mostra, que toda célula de código rodou, que
nenhuma mostra erro e que todos os gráficos aparecem; e grava uma captura da tela.

O notebook roda numa cópia da pasta do capítulo, numa pasta temporária (o do repositório não muda),
no modo rápido (CURSO_RAPIDO=1). O servidor é encerrado no fim, aconteça o que acontecer.

Precisa do Chromium do sistema e do pacote playwright (sem `playwright install`, que baixa outro
navegador):
    apt-get install chromium
    pip install playwright==1.63.0

Uso:
    python ferramentas/navegador.py                  # confere 00-passo-zero
    python ferramentas/navegador.py 01-o-que-e-um-llm
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from raiz import ROOT

PLAYWRIGHT_VERSION = "1.63.0"
INSTALL = ("Para conferir no navegador é preciso o Chromium e o playwright. Instale com:\n"
           "    apt-get install chromium\n"
           f"    pip install playwright=={PLAYWRIGHT_VERSION}\n"
           "(não rode `playwright install`: usamos o Chromium do sistema).")
ERROR_LINE = re.compile(r"Traceback|^\w*(Error|Exception)\b", re.MULTILINE)


@dataclass
class Result:
    cells: int = 0  # células de código
    executed: int = 0  # com número de execução ([1], [2], …)
    images: int = 0  # imagens nas saídas
    expected_images: int = 0  # imagens nas saídas publicadas (uma execução completa)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # diálogos que apareceram (e foram aceitos)
    screenshot: Path | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.executed == self.cells > 0 and not self.errors and self.images == self.expected_images


def missing_tools() -> str | None:
    """Devolve a mensagem de instalação se faltar o Chromium ou o playwright; senão, None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return INSTALL
    return None if shutil.which("chromium") else INSTALL


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_chapter(folder: Path, destination: Path) -> tuple[Path, int]:
    """Copia a pasta do capítulo e apaga as saídas do notebook; devolve (notebook, imagens publicadas)."""
    notebook = Path(shutil.copytree(folder, destination / folder.name)) / "notebook.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    images = 0
    for cell in nb.cells:
        if cell.cell_type == "code":
            images += sum("image/png" in out.get("data", {}) for out in cell.outputs)
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, notebook)
    return notebook, images


@contextmanager
def jupyter_lab(notebook_dir: Path, config_dir: Path):
    """Sobe o Jupyter Lab em 127.0.0.1 e devolve a URL base com o token; encerra o servidor no fim."""
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, CURSO_RAPIDO="1", OMP_NUM_THREADS="1",
               # Configuração, área de trabalho e kernels só desta conferência, não os de quem roda.
               JUPYTER_CONFIG_DIR=str(config_dir / "config"), JUPYTER_DATA_DIR=str(config_dir / "data"),
               JUPYTER_RUNTIME_DIR=str(config_dir / "runtime"))
    for name in ("CURSO_DADOS", "CURSO_CACHE", "TIKTOKEN_CACHE_DIR"):
        if env.get(name):
            env[name] = str(Path(env[name]).resolve())
    env.pop("MPLBACKEND", None)  # o de quem roda (Agg, por exemplo) esconderia os gráficos: vale o do Jupyter
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.token={token}", f"--notebook-dir={notebook_dir}"]
    if os.getuid() == 0:
        command.append("--allow-root")
    log = open(config_dir / "jupyter.log", "w")  # noqa: SIM115
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    # Sem o aviso "Would you like to get notified about official Jupyter news?" por cima das saídas.
    settings = config_dir / "config" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text('{"fetchNews": "false"}')
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"O Jupyter Lab não subiu:\n{(config_dir / 'jupyter.log').read_text()}")
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("O Jupyter Lab não respondeu em 120 s.") from None
                time.sleep(0.5)
        yield base, token
    finally:
        stop(server)
        log.close()


def stop(process: subprocess.Popen) -> None:
    """Encerra o grupo de processos do servidor (SIGTERM; SIGKILL se não sair em 20 s)."""
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=wait)
            return
        except ProcessLookupError:
            return
        except subprocess.TimeoutExpired:
            continue


# Roda no navegador. Prompt [n]: a célula rodou; [*]: está na fila; [ ]: não rodou (depois de um erro,
# o Jupyter desiste das seguintes). Terminou quando o kernel está ocioso, algo rodou e nada está na fila.
FINISHED = """() => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);
    const idle = document.querySelector(".jp-NotebookPanel-toolbar [data-status='idle']") !== null;
    const dialog = document.querySelector('.jp-Dialog') !== null;
    return dialog || (idle && prompts.some(p => /\\[\\d+\\]/.test(p)) && !prompts.some(p => p.includes('*')));
}"""


def open_like_a_person(page, url: str, path: Path) -> None:
    """Abre o Jupyter Lab e, no navegador de arquivos, dá duplo clique na pasta e no notebook."""
    page.goto(url)
    for name in path.parts:
        page.locator(".jp-DirListing-content").get_by_text(name, exact=True).dblclick(timeout=120_000)
    page.wait_for_selector(".jp-NotebookPanel-toolbar [data-status='idle']", timeout=120_000)
    page.wait_for_timeout(3000)  # como uma pessoa, não clica no mesmo instante em que o kernel sobe


def menu(page, name: str, item: str) -> None:
    page.click(f".lm-MenuBar-itemLabel:text-is('{name}')")
    page.click(f".lm-Menu-itemLabel:text-is('{item}')")


def click_run_all(page) -> None:
    menu(page, "Run", "Run All Cells")


def accept_dialogs(page, result: Result) -> bool:
    """Um diálogo (ex.: "Select Kernel") pararia quem aprende: aceita, como a pessoa faria, e anota."""
    dialog = page.locator(".jp-Dialog")
    if not dialog.count():
        return False
    result.dialogs.append(" ".join(dialog.inner_text().split()))
    dialog.locator(".jp-mod-accept").click()
    page.wait_for_selector(".jp-NotebookPanel-toolbar [data-status='idle']", timeout=120_000)
    return True


def run_all(url: str, root: Path, notebook: Path, screenshot: Path, timeout: float) -> Result:
    """Abre o notebook no Chromium, escolhe Run → Run All Cells e lê o resultado na página."""
    from playwright.sync_api import Error, sync_playwright

    result = Result()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            open_like_a_person(page, url, notebook.relative_to(root))
            accept_dialogs(page, result)
            click_run_all(page)
            deadline = time.monotonic() + timeout
            while True:
                page.wait_for_function(FINISHED, timeout=max(deadline - time.monotonic(), 1) * 1000, polling=500)
                if not accept_dialogs(page, result):
                    break
                if not page.eval_on_selector_all(".jp-CodeCell .jp-InputPrompt",
                                                 "ps => ps.some(p => /\\[[\\d*]+\\]/.test(p.textContent))"):
                    click_run_all(page)  # o diálogo veio antes de qualquer célula rodar: pede de novo
        except Error as error:  # o tempo acabou ou a página mudou: anota e lê o que houver
            result.errors.append(f"o Run All não terminou: {str(error).splitlines()[0]}")
        # Células recolhidas (Preparação, Gabarito) não mostram o número na página: salva e lê do arquivo.
        menu(page, "File", "Save Notebook")
        page.wait_for_selector(".lm-TabBar-tab.jp-mod-current:not(.jp-mod-dirty)", timeout=30_000)
        for i, cell in enumerate(nbformat.read(notebook, as_version=4).cells):
            if cell.cell_type == "code":
                result.cells += 1
                result.executed += cell.execution_count is not None
                result.errors += [f"exceção na célula {i}: {out.ename}: {out.evalue}"
                                  for out in cell.outputs if out.output_type == "error"]
        stderr = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        for text in page.eval_on_selector_all(stderr, "outs => outs.map(o => o.textContent)"):
            if ERROR_LINE.search(text):
                result.errors.append(f"erro na página:\n{text.strip()[-2000:]}")
        # Só conta imagem que o navegador decodificou de fato (largura > 0).
        images = ".jp-OutputArea-output img"
        result.images = page.eval_on_selector_all(images, "imgs => imgs.filter(i => i.naturalWidth > 0).length")
        if result.images:  # a captura mostra o primeiro gráfico, que é o que mais importa ver
            page.locator(images).first.scroll_into_view_if_needed()
        page.screenshot(path=screenshot)
        result.screenshot = screenshot
        browser.close()
    return result


def check(folder: Path = ROOT / "00-passo-zero", timeout: float = 300) -> Result:
    """Roda o notebook da pasta no Jupyter Lab, pelo navegador, e devolve o que a página mostrou."""
    problem = missing_tools()
    if problem:
        raise RuntimeError(problem)
    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="navegador-"))  # no fim, só ficam a captura e o log do Jupyter
    try:
        notebook, expected = copy_chapter(folder, work / "curso")
        with jupyter_lab(work / "curso", work) as (base, token):
            result = run_all(f"{base}/lab?token={token}", work / "curso", notebook, work / f"{folder.name}.png",
                             timeout)
    finally:
        for name in ("curso", "config", "data", "runtime"):
            shutil.rmtree(work / name, ignore_errors=True)
    result.expected_images = expected
    result.seconds = time.perf_counter() - start
    return result


def main(argv: list[str] | None = None) -> int:
    chapter = ((argv if argv is not None else sys.argv[1:]) or ["00-passo-zero"])[0]
    result = check(ROOT / chapter)
    print(f"{chapter}: {result.executed} de {result.cells} células de código executadas; "
          f"{result.images} imagens nas saídas (esperadas {result.expected_images}); "
          f"{len(result.errors)} erros; {result.seconds:.0f} s")
    for dialog in result.dialogs:
        print(f"AVISO: apareceu um diálogo (aceito): {dialog}")
    for error in result.errors:
        print(f"ERRO: {error}")
    print(f"Captura da tela: {result.screenshot}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
