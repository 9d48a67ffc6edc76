"""Capítulo 08, paralelismo de dados: o bloco ddp lança um treino de verdade com torchrun (2 processos, gloo)."""

import ast
import contextlib
import hashlib
import io
import json
import re
import sys

import blocos
import pytest
from torch.utils.data import DistributedSampler

NOTEBOOK = "08-extras/notebook.ipynb"
STEPS, BATCH = 6, 8
SCRIPT_SEED = 123  # a semente padrão do script (--seed)


@pytest.fixture(scope="module")
def ch08():
    return blocos.load_blocks(NOTEBOOK, "ddp", "baixar_dados")


@pytest.fixture(scope="module")
def text_path(ch08, tmp_path_factory):
    path = tmp_path_factory.mktemp("texto") / "dom_casmurro_inicio.txt"
    book = ch08.download_file("dom_casmurro.txt").read_text(encoding="utf-8")
    path.write_text(book[:20_000], encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run(ch08, text_path, tmp_path_factory):
    """Uma rodada de verdade, compartilhada pelos testes: (resultados por processo, o que foi impresso).

    Cada processo começa com outros pesos (--different-init): o DDP tem de igualá-los e mantê-los iguais.
    """
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        results = ch08.run_ddp(text_path, n_procs=2, steps=STEPS, batch_size=BATCH,
                               folder=tmp_path_factory.mktemp("ddp"), different_init=True)
    return results, printed.getvalue()


def test_both_ranks_report_and_print_the_global_batch(run):
    results, printed = run
    assert [r["rank"] for r in results] == [0, 1]
    assert all(r["world_size"] == 2 for r in results)
    assert re.search(rf"lote global: {BATCH} × 2 = {BATCH * 2}\b", printed), printed
    assert all(0 < r["final_loss"] < 10 for r in results)


def test_ddp_broadcasts_rank0_weights_and_keeps_replicas_identical(ch08, run):
    results, _ = run
    before = [r["init_sum_before_ddp"] for r in results]
    assert before[0] != before[1]  # sementes diferentes de propósito
    assert [r["init_sum_after_ddp"] for r in results] == [before[0], before[0]]  # os pesos do processo 0
    assert results[0]["param_sha256"] == results[1]["param_sha256"]
    assert results[0]["param_sum"] == results[1]["param_sum"]
    assert results[0]["param_sum"] != before[0]  # treinou de fato
    assert ch08.same_parameters(results)
    assert not ch08.same_parameters([results[0], {**results[1], "param_sha256": "0" * 64}])


def test_each_rank_trains_on_its_own_disjoint_shard(run, text_path):
    results, _ = run
    n_pairs = len(text_path.read_text(encoding="utf-8")) - 1
    assert [r["shard_size"] for r in results] == [n_pairs // 2] * 2
    assert sum(r["shard_size"] for r in results) == n_pairs - n_pairs % 2
    assert all(r["examples_seen"] == STEPS * BATCH for r in results)
    # Refaz as fatias da época 0 com o mesmo DistributedSampler: são as que o script registrou, e não se cruzam.
    shards = [list(DistributedSampler(range(n_pairs), num_replicas=2, rank=rank, shuffle=True, seed=SCRIPT_SEED,
                                      drop_last=True)) for rank in (0, 1)]
    for result, shard in zip(results, shards):
        assert result["shard_first"] == shard[:8]
        assert result["shard_sha256"] == hashlib.sha256(json.dumps(shard).encode()).hexdigest()
    assert not set(shards[0]) & set(shards[1])


def test_failure_raises_with_the_child_message(ch08, tmp_path):
    missing = tmp_path / "nao_existe.txt"
    with pytest.raises(RuntimeError, match="O treino com DDP falhou") as error:
        ch08.run_ddp(missing, n_procs=2, steps=2, folder=tmp_path / "ddp")
    assert f"Não achei o arquivo de texto {missing}" in str(error.value)
    assert "processo 0" in str(error.value) and "processo 1" in str(error.value)
    assert not list((tmp_path / "ddp" / "saida").glob("rank*.json"))


def test_windows_is_refused_with_a_clear_message(ch08, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(RuntimeError, match="Windows"):
        ch08.run_ddp(tmp_path / "texto.txt", folder=tmp_path)


def test_script_is_self_contained(ch08, tmp_path):
    # O script roda em processos novos: só pode importar a biblioteca padrão e o torch, nada do notebook.
    path = ch08.write_ddp_script(tmp_path)
    assert path.read_text(encoding="utf-8") == ch08.DDP_SCRIPT
    tree = ast.parse(ch08.DDP_SCRIPT)
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"argparse", "hashlib", "json", "os", "sys", "pathlib", "torch"}, imported
    assert 'dist.init_process_group("nccl" if use_cuda else "gloo")' in ch08.DDP_SCRIPT
    assert "dist.destroy_process_group()" in ch08.DDP_SCRIPT
