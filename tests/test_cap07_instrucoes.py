"""Capítulo 07: formato do prompt, divisão estratificada, collate com máscara, ajuste curto, métricas e `ask`."""

from collections import Counter

import blocos
import pytest
import torch
from torch.utils.data import DataLoader

NOTEBOOK = "07-instruction-tuning/notebook.ipynb"
TINY = {"vocab_size": 300, "context_length": 64, "emb_dim": 32, "n_heads": 4, "n_layers": 2, "drop_rate": 0.0,
        "qkv_bias": False}
ENTRIES = [{"instruction": f"Qual é o dobro de {n}?", "input": "", "output": str(2 * n), "category": "aritmetica"}
           for n in range(1, 9)] + [
    {"instruction": "Diga o plural.", "input": word, "output": f"{word}s", "category": "gramatica"}
    for word in ("casa", "mesa", "bola", "gato", "pato", "rato", "livro", "carro")]


@pytest.fixture(scope="module")
def ch07():
    return blocos.load_blocks(NOTEBOOK)


@pytest.fixture(scope="module")
def tokenizer(ch07):
    text = " ".join(ch07.format_input(e) + e["output"] for e in ENTRIES) * 5
    return ch07.train_tokenizer(text, 300)


@pytest.fixture
def tiny_gpt(ch07):
    torch.manual_seed(0)
    return ch07.init_gpt2_weights(ch07.GPTModel(TINY))


def test_prompt_template_with_and_without_input(ch07):
    assert ch07.format_input({"instruction": "Diga oi.", "input": ""}) == "### Instrução:\nDiga oi.\n\n### Resposta:\n"
    assert ch07.format_input({"instruction": "Traduza.", "input": "casa"}) == (
        "### Instrução:\nTraduza.\n\n### Entrada:\ncasa\n\n### Resposta:\n")


def test_collate_pads_shifts_and_keeps_the_first_end_of_text(ch07):
    batch = [([11, 12, 13, 21, 22], 3), ([14, 15, 23], 2)]
    inputs, targets = ch07.instruction_collate(batch, pad_id=0, mask_prompt=False)
    assert inputs.tolist() == [[11, 12, 13, 21, 22], [14, 15, 23, 0, 0]]
    assert targets.tolist() == [[12, 13, 21, 22, 0], [15, 23, 0, -100, -100]]
    inputs, targets = ch07.instruction_collate(batch, pad_id=0, mask_prompt=True)
    assert targets.tolist() == [[-100, -100, 21, 22, 0], [-100, 23, 0, -100, -100]]  # só respostas e o fim
    inputs, targets = ch07.instruction_collate(batch, pad_id=0, allowed_max_length=3)
    assert inputs.shape == targets.shape == (2, 3)


def test_prompt_masking_leaves_only_response_tokens_in_the_loss(ch07, tokenizer):
    dataset = ch07.InstructionDataset(ENTRIES[:2], tokenizer)
    collate = ch07.make_instruction_collate(tokenizer, 64, mask_prompt=True)
    inputs, targets = collate([dataset[0], dataset[1]])
    eot = ch07.end_of_text_id(tokenizer)
    for row, entry in zip(targets.tolist(), ENTRIES[:2]):
        counted = [t for t in row if t != -100]
        assert counted == tokenizer.encode(entry["output"]) + [eot]


def test_split_is_stratified_and_disjoint(ch07):
    entries = [{"instruction": f"pergunta {c} {i}", "input": "", "output": "x", "category": c}
               for c in "abc" for i in range(40)]
    train, val, test = ch07.split_by_category(entries, seed=1)
    assert (len(train), len(val), len(test)) == (102, 12, 6)
    for part, per_category in ((train, 34), (val, 4), (test, 2)):
        assert Counter(e["category"] for e in part) == {c: per_category for c in "abc"}
    keys = [{e["instruction"] for e in part} for part in (train, val, test)]
    assert not (keys[0] & keys[1] or keys[0] & keys[2] or keys[1] & keys[2])


def test_instruction_files_load_in_both_languages(ch07, monkeypatch):
    monkeypatch.chdir(blocos.ROOT / "07-instruction-tuning")  # o notebook roda na pasta do capítulo
    portuguese = ch07.load_instruction_data("pt")
    assert len(portuguese) >= 1100 and {"instruction", "input", "output", "category"} <= set(portuguese[0])
    english = ch07.load_instruction_data("en")
    assert len(english) == 1100 and {e["category"] for e in english} == {"geral"}
    with pytest.raises(ValueError, match="idioma"):
        ch07.load_instruction_data("es")


def test_a_few_steps_on_a_tiny_model_reduce_the_loss(ch07, tokenizer, tiny_gpt):
    collate = ch07.make_instruction_collate(tokenizer, 64, mask_prompt=True)
    torch.manual_seed(0)
    loader = DataLoader(ch07.InstructionDataset(ENTRIES, tokenizer), batch_size=4, shuffle=True, collate_fn=collate)
    before = ch07.calc_loss_loader(loader, tiny_gpt, "cpu")
    optimizer = ch07.make_optimizer(tiny_gpt, 3e-3, 0.0)
    ch07.train_model(tiny_gpt, loader, loader, optimizer, torch.device("cpu"), max_steps=40, peak_lr=3e-3,
                     warmup_steps=4, eval_every=20, eval_batches=2)
    assert ch07.calc_loss_loader(loader, tiny_gpt, "cpu") < 0.6 * before


@pytest.mark.parametrize("prediction, reference, em, f1, rouge", [
    ("O plural é pães.", "o plural é pães", 1.0, 1.0, 1.0),
    ("pães", "O plural de pão é pães.", 0.0, 2 * (1 / 1) * (1 / 6) / (1 + 1 / 6), 2 * (1 / 1) * (1 / 6) / (1 + 1 / 6)),
    ("é pães o plural de pão", "o plural de pão é pães", 0.0, 1.0, 2 / 3),  # mesmas palavras, outra ordem
    ("gato", "cachorro", 0.0, 0.0, 0.0),
    ("", "", 1.0, 1.0, 1.0),
    ("", "algo", 0.0, 0.0, 0.0),
    ("é", "e", 0.0, 0.0, 0.0),  # o acento muda a palavra
])
def test_text_metrics_on_known_pairs(ch07, prediction, reference, em, f1, rouge):
    assert ch07.exact_match(prediction, reference) == em
    assert ch07.token_f1(prediction, reference) == pytest.approx(f1)
    assert ch07.rouge_l(prediction, reference) == pytest.approx(rouge)


def test_scores_by_category(ch07):
    entries = [{"output": "a b", "category": "x"}, {"output": "c", "category": "y"}]
    scores = ch07.score_responses(entries, ["a b", "d"])
    assert scores["x"]["acerto exato"] == 1.0 and scores["y"]["acerto exato"] == 0.0
    assert scores["total"]["acerto exato"] == 0.5 and set(scores) == {"total", "x", "y"}


def test_respond_stops_at_end_of_text_and_ask_refuses_bad_input(ch07, tokenizer, tiny_gpt):
    model = tiny_gpt.eval()
    eot = ch07.end_of_text_id(tokenizer)
    with torch.no_grad():  # faz o <|endoftext|> ser sempre o mais provável: a resposta sai vazia
        model.out_head.weight.zero_()
        model.out_head.weight[eot] = 1.0
        model.final_norm.shift.fill_(1.0)
        model.final_norm.scale.zero_()
    assert ch07.respond(model, tokenizer, ENTRIES[0], torch.device("cpu")) == ""
    with pytest.raises(ValueError, match="vazia"):
        ch07.ask(model, tokenizer, "  ")
    with pytest.raises(ValueError, match="tokens"):
        ch07.ask(model, tokenizer, "Resuma.", "palavra " * 100)
    with pytest.raises(TypeError):
        ch07.ask(model, tokenizer, None)
    assert ch07.ask(model, tokenizer, "Qual é o dobro de 3?") == ""


def test_load_assistant_recreates_it_when_missing(ch07, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(ch07, "CACHE_DIR", tmp_path)
    monkeypatch.chdir(blocos.ROOT / "07-instruction-tuning")
    model, tokenizer = ch07.load_assistant(torch.device("cpu"), fast=True)
    out = capsys.readouterr().out
    assert "vou treiná-lo agora" in out and ch07.assistant_path(fast=True).is_file()
    again, _ = ch07.load_assistant(torch.device("cpu"), fast=True)
    assert "vou treiná-lo" not in capsys.readouterr().out
    ids = torch.tensor([tokenizer.encode("### Instrução:\nDiga oi.")])
    with torch.no_grad():
        assert torch.equal(model(ids), again(ids))


def test_the_pinned_hash_is_the_committed_dataset(ch07):
    # O notebook confere o conjunto pelo sha256: se o gerador mudar o arquivo, o hash do bloco precisa mudar junto.
    import hashlib

    data = (blocos.ROOT / "07-instruction-tuning" / "instrucoes-pt-br.json").read_bytes()
    assert ch07.INSTRUCTION_FILES["instrucoes-pt-br.json"]["sha256"] == hashlib.sha256(data).hexdigest()
