"""O bloco de dados: cache → espelho (CURSO_DADOS) → internet, sempre conferido pelo sha256."""

import hashlib
import http.server
import threading

import blocos
import pytest
from conftest import SHARED_DATA

data = blocos.load_blocks("00-passo-zero/notebook.ipynb", "baixar_dados")

CONTENT = "Capitú tinha olhos de ressaca.\n".encode()
UNREACHABLE = "http://127.0.0.1:9/arquivo.txt"  # porta de descarte: conexão recusada, sem internet


def spec(urls=(UNREACHABLE,), content=CONTENT):
    return {"livro.txt": {"sha256": hashlib.sha256(content).hexdigest(), "urls": list(urls)}}


@pytest.fixture
def server(tmp_path):
    """Um servidor HTTP local que serve a pasta `site/`."""
    site = tmp_path / "site"
    site.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_cache_hit_touches_no_other_source(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "livro.txt").write_bytes(CONTENT)
    path = data.download_file("livro.txt", cache_dir=cache, mirror=tmp_path / "sem-espelho", files=spec())
    assert path == cache / "livro.txt"
    assert path.read_bytes() == CONTENT


def test_mirror_hit_is_copied_into_the_cache(tmp_path):
    mirror = tmp_path / "espelho"
    mirror.mkdir()
    (mirror / "livro.txt").write_bytes(CONTENT)
    path = data.download_file("livro.txt", cache_dir=tmp_path / "cache", mirror=mirror, files=spec())
    assert path == tmp_path / "cache" / "livro.txt"
    assert path.read_bytes() == CONTENT


def test_mirror_comes_from_the_environment_variable(tmp_path, monkeypatch):
    mirror = tmp_path / "espelho"
    mirror.mkdir()
    (mirror / "livro.txt").write_bytes(CONTENT)
    monkeypatch.setenv("CURSO_DADOS", str(mirror))
    path = data.download_file("livro.txt", cache_dir=tmp_path / "cache", files=spec())
    assert path.read_bytes() == CONTENT


def test_bad_hash_is_rejected_and_not_kept(tmp_path):
    mirror = tmp_path / "espelho"
    mirror.mkdir()
    (mirror / "livro.txt").write_bytes(b"outro texto")
    cache = tmp_path / "cache"
    with pytest.raises(data.DataUnavailableError, match="conteúdo diferente do esperado"):
        data.download_file("livro.txt", cache_dir=cache, mirror=mirror, files=spec())
    assert list(cache.iterdir()) == []  # nem o arquivo errado nem o temporário ficaram


def test_corrupted_cache_is_replaced(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "livro.txt").write_bytes(CONTENT[:10])  # download interrompido numa versão antiga
    mirror = tmp_path / "espelho"
    mirror.mkdir()
    (mirror / "livro.txt").write_bytes(CONTENT)
    path = data.download_file("livro.txt", cache_dir=cache, mirror=mirror, files=spec())
    assert path.read_bytes() == CONTENT


def test_falls_back_to_the_next_url_after_a_bad_one(tmp_path, server):
    site, base = server
    (site / "errado.txt").write_bytes(b"pagina de erro")
    (site / "certo.txt").write_bytes(CONTENT)
    files = spec(urls=[UNREACHABLE, f"{base}/errado.txt", f"{base}/certo.txt"])
    path = data.download_file("livro.txt", cache_dir=tmp_path / "cache", mirror="", files=files)
    assert path.read_bytes() == CONTENT


def test_offline_failure_is_one_clear_message(tmp_path):
    files = spec(urls=[UNREACHABLE, "http://127.0.0.1:9/outro.txt"])
    with pytest.raises(data.DataUnavailableError) as raised:
        data.download_file("livro.txt", cache_dir=tmp_path / "cache", mirror=tmp_path / "sem-espelho", files=files)
    message = str(raised.value)
    assert message.startswith("Não consegui obter 'livro.txt'. Tentei, nesta ordem:")
    for source in [str(tmp_path / "sem-espelho" / "livro.txt"), UNREACHABLE, "http://127.0.0.1:9/outro.txt"]:
        assert source in message
    assert "Como resolver" in message and "CURSO_DADOS" in message
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_unknown_file_name():
    with pytest.raises(KeyError, match="Arquivo desconhecido"):
        data.download_file("nao-existe.txt")


@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason="sem o espelho ../shared/dados")
@pytest.mark.parametrize("name", sorted(data.DATA_FILES))
def test_pinned_hashes_match_the_offline_mirror(name, tmp_path):
    path = data.download_file(name, cache_dir=tmp_path, mirror=SHARED_DATA)
    assert data.sha256_of(path) == data.DATA_FILES[name]["sha256"]


def test_every_file_has_a_fallback_address():
    for name, entry in data.DATA_FILES.items():
        assert len(entry["urls"]) >= 2, name
        assert all(url.startswith("https://") for url in entry["urls"]), name
