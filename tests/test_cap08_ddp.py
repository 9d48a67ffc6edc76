"""Capítulo 08, paralelismo de dados: o script dos blocos ddp_* roda de verdade com torchrun (gloo, na CPU),
lançado pelo bloco lancador_ddp."""

import ast
import contextlib
import hashlib
import io
import re
import sys

import blocos
import pytest
import torch
from torch.utils.data import DataLoader, DistributedSampler

NOTEBOOK = "08-extras/notebook.ipynb"
STEPS, BATCH = 6, 8
SEED = 123


@pytest.fixture(scope="module")
def ch08():
    return blocos.load_blocks(NOTEBOOK, "lancador_ddp", "ddp_treino", "baixar_dados")


@pytest.fixture(scope="module")
def text_path(ch08, tmp_path_factory):
    path = tmp_path_factory.mktemp("texto") / "dom_casmurro_inicio.txt"
    book = ch08.download_file("dom_casmurro.txt").read_text(encoding="utf-8")
    path.write_text(book[:20_000], encoding="utf-8")
    return path


def launch(ch08, text_path, folder, **options):
    """Uma rodada de verdade: (resultados por processo, o que o processo 0 imprimiu)."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        results = ch08.run_ddp(ch08.DDP_SCRIPT, text_path, steps=STEPS, seed=SEED, folder=folder, **options)
    return results, printed.getvalue()


def final_weights(result):
    return torch.load(result["weights_file"], map_location="cpu", weights_only=True)["weight"]


@pytest.fixture(scope="module")
def run(ch08, text_path, tmp_path_factory):
    """2 processos, lote BATCH cada; cada um começa com outros pesos (--different-init): o DDP tem de igualá-los."""
    return launch(ch08, text_path, tmp_path_factory.mktemp("ddp"), n_procs=2, batch_size=BATCH, different_init=True)


@pytest.fixture(scope="module")
def single(ch08, text_path, tmp_path_factory):
    """1 processo com o lote global dos 2 (2 × BATCH), a mesma semente e os mesmos passos."""
    return launch(ch08, text_path, tmp_path_factory.mktemp("um"), n_procs=1, batch_size=2 * BATCH)[0]


def test_both_ranks_report_and_print_the_global_batch(run):
    results, printed = run
    assert [r["rank"] for r in results] == [0, 1]
    assert all(r["world_size"] == 2 for r in results)
    assert re.search(rf"lote global: {BATCH} × 2 = {BATCH * 2}\b", printed), printed
    assert all(len(r["losses"]) == STEPS and 0 < r["losses"][-1] < 10 for r in results)


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
    # O arquivo de pesos (gravado pelo processo 0) é o modelo que os dois processos terminaram com.
    assert hashlib.sha256(final_weights(results[0]).numpy().tobytes()).hexdigest() == results[0]["param_sha256"]


def test_each_rank_trains_on_its_own_disjoint_shard(run, text_path):
    results, _ = run
    n_pairs = len(text_path.read_text(encoding="utf-8")) - 1
    assert all(r["n_examples"] == n_pairs for r in results)
    assert [len(r["shard"]) for r in results] == [n_pairs // 2] * 2
    assert all(r["examples_seen"] == STEPS * BATCH for r in results)
    # Refaz as fatias da época 0 com o mesmo DistributedSampler: são as que o script registrou.
    for result in results:
        sampler = DistributedSampler(range(n_pairs), num_replicas=2, rank=result["rank"], shuffle=True, seed=SEED,
                                     drop_last=True)
        assert result["shard"] == list(sampler)
    shards = [set(r["shard"]) for r in results]
    assert not shards[0] & shards[1]
    assert len(shards[0] | shards[1]) == n_pairs - n_pairs % 2  # drop_last descarta só a sobra


@pytest.mark.parametrize("n_examples", [101, 1000, 19_999])
def test_two_ranks_batches_together_are_the_single_process_batch(n_examples):
    # O argumento do notebook: com a mesma semente, o lote de 64 de 1 processo no passo k é a união dos lotes
    # de 32 dos 2 processos no mesmo passo (o processo r fica com as posições r, r + 2… da mesma ordem sorteada).
    def batches(world_size, rank, batch_size):
        sampler = DistributedSampler(range(n_examples), num_replicas=world_size, rank=rank, shuffle=True,
                                     seed=SEED, drop_last=True)
        return [batch.tolist() for batch in DataLoader(range(n_examples), batch_size=batch_size, sampler=sampler,
                                                       drop_last=True)]

    single, rank_0, rank_1 = batches(1, 0, 2 * BATCH), batches(2, 0, BATCH), batches(2, 1, BATCH)
    assert len(single) == len(rank_0) == len(rank_1) > 0
    for whole, part_0, part_1 in zip(single, rank_0, rank_1):
        assert not set(part_0) & set(part_1)
        assert sorted(part_0 + part_1) == sorted(whole)
        assert part_0 == whole[0::2] and part_1 == whole[1::2]


def test_one_process_with_the_global_batch_trains_the_same_model(run, single):
    results, _ = run
    assert single[0]["world_size"] == 1 and single[0]["examples_seen"] == STEPS * 2 * BATCH
    # Parte dos mesmos pesos: a semente do processo 0, que o DDP copiou para os dois.
    assert single[0]["init_sum_after_ddp"] == results[0]["init_sum_after_ddp"]
    # Mesmas perdas (a média dos dois lotes de BATCH é a perda do lote de 2 × BATCH) e mesmos pesos finais,
    # a menos do arredondamento do float32 (a soma dos gradientes em outra ordem).
    mean_losses = [(a + b) / 2 for a, b in zip(results[0]["losses"], results[1]["losses"])]
    assert single[0]["losses"] == pytest.approx(mean_losses, abs=1e-5)
    torch.testing.assert_close(final_weights(single[0]), final_weights(results[0]), rtol=0, atol=1e-5)


def test_the_comparison_tells_other_trainings_apart(ch08, text_path, run, tmp_path):
    # Controle: 1 processo com o lote de *um* processo (BATCH) é outro treino, e a comparação acima o separa.
    results, _ = run
    other, _ = launch(ch08, text_path, tmp_path, n_procs=1, batch_size=BATCH)
    assert (final_weights(other[0]) - final_weights(results[0])).abs().max().item() > 1e-3


def test_failure_raises_with_the_child_message_and_drops_stale_results(ch08, tmp_path):
    out_dir = tmp_path / "ddp" / "saida"
    out_dir.mkdir(parents=True)
    (out_dir / "rank0.json").write_text("{}")  # de uma rodada anterior
    (out_dir / "pesos.pt").write_bytes(b"")
    missing = tmp_path / "nao_existe.txt"
    with pytest.raises(RuntimeError, match="O treino com DDP falhou") as error:
        ch08.run_ddp(ch08.DDP_SCRIPT, missing, n_procs=2, steps=2, folder=tmp_path / "ddp")
    assert f"Não achei o arquivo de texto {missing}" in str(error.value)
    assert "processo 0" in str(error.value) and "processo 1" in str(error.value)
    assert not list(out_dir.glob("*"))


def test_windows_is_refused_with_a_clear_message(ch08, tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(RuntimeError, match="Windows"):
        ch08.run_ddp(ch08.DDP_SCRIPT, tmp_path / "texto.txt", folder=tmp_path)


def test_script_is_self_contained(ch08, tmp_path):
    # O script roda em processos novos: só pode importar a biblioteca padrão e o torch, nada do notebook.
    script = ch08.DDP_SCRIPT
    assert script == ch08.DDP_SCRIPT_PROCESSES + ch08.DDP_SCRIPT_DATA + ch08.DDP_SCRIPT_TRAINING
    path = ch08.write_ddp_script(script, tmp_path)
    assert path.read_text(encoding="utf-8") == script
    tree = ast.parse(script)
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"argparse", "hashlib", "json", "os", "sys", "pathlib", "torch"}, imported
    assert 'dist.init_process_group("nccl" if use_cuda else "gloo")' in script
    assert "dist.destroy_process_group()" in script
