"""Capítulo 05: perda, bpc, n-gramas, inicialização, laço de treino, geração, checkpoints e o modelo do curso."""

import copy
import math

import blocos
import pytest
import torch

NOTEBOOK = "05-pre-treinamento/notebook.ipynb"
TINY = {"vocab_size": 300, "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_layers": 2, "drop_rate": 0.0,
        "qkv_bias": False}


@pytest.fixture(scope="module")
def ch05():
    return blocos.load_blocks(NOTEBOOK, "perda", "inicializacao_gpt2", "otimizador", "precisao", "treino", "gerar",
                              "checkpoints", "ngramas", "dados_machado", "receita_do_curso", "gerar_texto_simples")


@pytest.fixture
def tiny_model(ch05):
    torch.manual_seed(0)
    return ch05.init_gpt2_weights(ch05.GPTModel(TINY)).eval()


@pytest.fixture(scope="module")
def tiny_tokenizer(ch05):
    return ch05.train_tokenizer("Capitu tinha olhos de ressaca. " * 20 + "Bentinho olhava a janela. " * 20, 300)


def test_loss_of_a_batch_equals_the_manual_computation(ch05, tiny_model):
    generator = torch.Generator().manual_seed(1)
    inputs, targets = (torch.randint(0, 300, (2, 8), generator=generator) for _ in range(2))
    probs = torch.softmax(tiny_model(inputs), dim=-1)
    manual = -torch.log(probs.gather(-1, targets.unsqueeze(-1))).mean()
    assert ch05.calc_loss_batch(inputs, targets, tiny_model, "cpu").item() == pytest.approx(manual.item(), abs=1e-5)


def test_loss_of_a_loader_weights_every_token_equally(ch05, tiny_model):
    generator = torch.Generator().manual_seed(2)
    batches = [(torch.randint(0, 300, (n, 8), generator=generator), torch.randint(0, 300, (n, 8), generator=generator))
               for n in (3, 1)]  # o último lote é menor, como com drop_last=False
    inputs, targets = torch.cat([b[0] for b in batches]), torch.cat([b[1] for b in batches])
    expected = ch05.calc_loss_batch(inputs, targets, tiny_model, "cpu").item()
    assert ch05.calc_loss_loader(batches, tiny_model, "cpu") == pytest.approx(expected, abs=1e-5)
    with pytest.raises(ValueError, match="nenhum lote"):
        ch05.calc_loss_loader([], tiny_model, "cpu")


def test_bits_per_char_on_a_hand_made_case(ch05):
    # 4 tokens com perda ln 2 cada (uma moeda) custam 4 bits; em 8 caracteres, 0,5 bit por caractere.
    assert ch05.bits_per_char(math.log(2), 4, 8) == pytest.approx(0.5)
    assert ch05.bits_per_char(math.log(4), 10, 10) == pytest.approx(2.0)


def test_interpolated_bigram_against_hand_computed_values(ch05):
    ids = [0, 1, 0, 1, 0, 2]  # pares: (0,1) ×2, (1,0) ×2, (0,2) ×1
    bigram = ch05.InterpolatedBigram(ids, vocab_size=4, lam=0.5)
    # P(1 | 0) = 0,5 · 2/3 + 0,5 · (2 + 1)/(6 + 4)
    assert bigram.prob(0, 1) == pytest.approx(0.5 * 2 / 3 + 0.5 * 3 / 10)
    assert bigram.prob(3, 0) == pytest.approx(0.5 * 4 / 10)  # contexto nunca visto: só o unigrama
    expected = -(math.log(bigram.prob(0, 1)) + math.log(bigram.prob(1, 0))) / 2
    assert bigram.nats_per_token([0, 1, 0]) == pytest.approx(expected)


def test_witten_bell_against_hand_computed_values(ch05):
    model = ch05.WittenBellChars("abab", order=2)  # alfabeto {a, b, \0}: uniforme 1/3
    # Contexto vazio: C = {a: 2, b: 2}, T = 2 → P(a) = (2 + 2/3) / (4 + 2) = 4/9.
    assert model.prob("", "a") == pytest.approx(4 / 9)
    # Contexto "a": C = {b: 2}, T = 1 → P(b | a) = (2 + 1 · P(b)) / (2 + 1), com P(b) = 4/9.
    assert model.prob("a", "b") == pytest.approx((2 + 4 / 9) / 3)
    assert model.prob("b", "b") == pytest.approx((0 + 4 / 9) / 2)  # contexto "b": C = {a: 1}, T = 1
    probabilities = [model.prob("a", c) for c in model.alphabet]
    assert sum(probabilities) == pytest.approx(1.0)  # uma distribuição de verdade
    assert model.bits_per_char("ab") == pytest.approx(-(math.log2(4 / 9) + math.log2((2 + 4 / 9) / 3)) / 2)
    with pytest.raises(ValueError, match="vazio"):
        model.bits_per_char("")


def test_gpt2_initialisation_statistics(ch05):
    torch.manual_seed(0)
    config = {**TINY, "emb_dim": 128, "n_layers": 8}
    model = ch05.init_gpt2_weights(ch05.GPTModel(config))
    assert model.tok_emb.weight.std().item() == pytest.approx(0.02, rel=0.05)
    assert model.trf_blocks[0].att.W_query.weight.std().item() == pytest.approx(0.02, rel=0.05)
    residual = 0.02 / math.sqrt(2 * 8)
    assert model.trf_blocks[3].att.out_proj.weight.std().item() == pytest.approx(residual, rel=0.05)
    assert model.trf_blocks[3].ff.layers[-1].weight.std().item() == pytest.approx(residual, rel=0.05)
    assert model.trf_blocks[0].ff.layers[0].bias.abs().max().item() == 0
    # Sem treino, a perda fica perto do chute uniforme ln(vocabulário).
    inputs = torch.randint(0, 300, (4, 16), generator=torch.Generator().manual_seed(0))
    assert ch05.calc_loss_batch(inputs, inputs, model, "cpu").item() == pytest.approx(math.log(300), abs=0.05)


def test_schedule_warms_up_then_decays_to_a_tenth(ch05):
    rates = [ch05.lr_at(step, 100, 1.0, 10) for step in range(100)]
    assert rates[0] == pytest.approx(0.1) and rates[9] == pytest.approx(1.0)
    assert all(a >= b for a, b in zip(rates[9:], rates[10:]))
    assert rates[-1] == pytest.approx(0.1, abs=0.01)


def test_weight_decay_only_on_matrices(ch05, tiny_model):
    decay, no_decay = ch05.make_optimizer(tiny_model, 1e-3, 0.1).param_groups
    assert decay["weight_decay"] == 0.1 and all(p.dim() >= 2 for p in decay["params"])
    assert no_decay["weight_decay"] == 0.0 and all(p.dim() == 1 for p in no_decay["params"])


def make_loaders(ch05, tokenizer):
    text = "Capitu tinha olhos de ressaca, e Bentinho olhava a janela. " * 40
    torch.manual_seed(0)
    return (ch05.create_dataloader(text, 4, 16, shuffle=True, drop_last=True, tokenizer=tokenizer),
            ch05.create_dataloader(text, 4, 16, shuffle=False, drop_last=False, tokenizer=tokenizer))


def test_a_few_training_steps_reduce_the_loss_and_resume_continues(ch05, tiny_tokenizer, tmp_path):
    config = {**TINY, "vocab_size": tiny_tokenizer.n_vocab}
    torch.manual_seed(0)
    model = ch05.init_gpt2_weights(ch05.GPTModel(config))
    train_loader, val_loader = make_loaders(ch05, tiny_tokenizer)
    optimizer = ch05.make_optimizer(model, 3e-3, 0.1)
    history = ch05.train_model(model, train_loader, val_loader, optimizer, torch.device("cpu"), max_steps=40,
                               peak_lr=3e-3, warmup_steps=4, eval_every=10, eval_batches=2)
    assert history["step"] == [10, 20, 30, 40]
    assert history["val_loss"][-1] < history["val_loss"][0] - 0.5
    assert history["tokens"][-1] == 40 * 4 * 16

    path = ch05.save_checkpoint(tmp_path / "m.pt", model, config, tiny_tokenizer, optimizer, history)
    resumed = ch05.GPTModel(config)
    resumed_optimizer = ch05.make_optimizer(resumed, 3e-3, 0.1)
    resumed, _, checkpoint = ch05.load_checkpoint(path, torch.device("cpu"), resumed, resumed_optimizer)
    assert resumed_optimizer.state_dict()["state"].keys() == optimizer.state_dict()["state"].keys()
    more = ch05.train_model(resumed, train_loader, val_loader, resumed_optimizer, torch.device("cpu"), max_steps=50,
                            peak_lr=3e-3, warmup_steps=4, eval_every=10, eval_batches=2, history=checkpoint["history"])
    assert more["step"] == [10, 20, 30, 40, 50]  # continua do passo salvo, com o histórico
    assert more["tokens"][-1] == 50 * 4 * 16
    assert more["val_loss"][-1] < history["val_loss"][0]


def test_generate_with_temperature_zero_is_greedy(ch05, tiny_model):
    idx = torch.randint(0, 300, (1, 5), generator=torch.Generator().manual_seed(3))
    expected = ch05.generate_text_simple(tiny_model, idx, 12, 16)
    assert torch.equal(ch05.generate(tiny_model, idx, 12, 16), expected)
    long_prompt = torch.randint(0, 300, (1, 40), generator=torch.Generator().manual_seed(4))
    assert ch05.generate(tiny_model, long_prompt, 3, 16).shape == (1, 43)  # o prompt longo é cortado


def test_top_k_and_top_p_never_emit_excluded_tokens(ch05):
    logits = torch.tensor([[3.0, 2.0, 1.0, 0.0, -1.0]])
    assert torch.isfinite(ch05.keep_top(logits, top_k=2)).tolist() == [[True, True, False, False, False]]
    probs = torch.softmax(logits, -1)[0]  # 0,64 0,24 0,09 0,03 0,01
    assert probs[0] < 0.7 < probs[:2].sum()
    assert torch.isfinite(ch05.keep_top(logits, top_p=0.7)).tolist() == [[True, True, False, False, False]]
    assert torch.isfinite(ch05.keep_top(logits, top_p=0.5)).tolist() == [[True, False, False, False, False]]
    assert torch.isfinite(ch05.keep_top(logits, top_p=1.0)).all()

    class Fixed(torch.nn.Module):  # um "modelo" que sempre devolve os mesmos logits
        out_head = torch.nn.Linear(1, 5)

        def forward(self, idx):
            return logits.expand(idx.shape[0], idx.shape[1], 5)

    torch.manual_seed(0)
    drawn = ch05.generate(Fixed(), torch.zeros(1, 1, dtype=torch.long), 300, 4, temperature=2.0, top_k=2)
    assert set(drawn[0, 1:].tolist()) == {0, 1}
    drawn = ch05.generate(Fixed(), torch.zeros(1, 1, dtype=torch.long), 300, 4, temperature=1.0, top_p=0.5)
    assert set(drawn[0, 1:].tolist()) == {0}
    stop = ch05.generate(Fixed(), torch.zeros(1, 1, dtype=torch.long), 10, 4, eos_id=0)
    assert stop.tolist() == [[0, 0]]  # parou no primeiro <|endoftext|>


@pytest.mark.parametrize("options, message", [
    ({"temperature": -0.5}, "temperature precisa ser ≥ 0"),
    ({"temperature": 1.0, "top_k": 0}, "top_k precisa estar entre 1"),
    ({"temperature": 1.0, "top_k": 301}, "top_k precisa estar entre 1"),
    ({"temperature": 1.0, "top_p": 0.0}, "top_p precisa estar"),
    ({"temperature": 1.0, "top_p": 1.2}, "top_p precisa estar"),
    ({"max_new_tokens": -1}, "max_new_tokens"),
])
def test_invalid_generation_settings_raise(ch05, tiny_model, options, message):
    arguments = {"max_new_tokens": 3, **options}
    with pytest.raises(ValueError, match=message):
        ch05.generate(tiny_model, torch.zeros(1, 2, dtype=torch.long), context_size=16, **arguments)
    with pytest.raises(ValueError, match="prompt está vazio"):
        ch05.generate(tiny_model, torch.zeros(1, 0, dtype=torch.long), 3, 16)


def test_checkpoint_round_trip_and_clear_errors(ch05, tiny_model, tiny_tokenizer, tmp_path):
    path = ch05.save_checkpoint(tmp_path / "modelo.pt", tiny_model, TINY, tiny_tokenizer)
    loaded, tokenizer, checkpoint = ch05.load_checkpoint(path, torch.device("cpu"))
    ids = torch.tensor([[1, 2, 3, 4]])
    with torch.no_grad():
        assert torch.equal(loaded(ids), tiny_model(ids))
    assert not loaded.training
    assert tokenizer.ranks == tiny_tokenizer.ranks and tokenizer.special_tokens == tiny_tokenizer.special_tokens
    assert tokenizer.decode(tokenizer.encode("Capitu <|endoftext|>", allowed_special="all")) == "Capitu <|endoftext|>"

    with pytest.raises(FileNotFoundError, match="Não achei o checkpoint"):
        ch05.load_checkpoint(tmp_path / "nada.pt", "cpu")
    broken = tmp_path / "cortado.pt"
    broken.write_bytes(path.read_bytes()[:500])
    with pytest.raises(ValueError, match="corrompido"):
        ch05.load_checkpoint(broken, "cpu")
    torch.save({"model": {}}, tmp_path / "outro.pt")
    with pytest.raises(ValueError, match="não é um checkpoint deste curso"):
        ch05.load_checkpoint(tmp_path / "outro.pt", "cpu")
    with pytest.raises(ValueError, match="outra configuração"):
        ch05.load_checkpoint(path, "cpu", model=ch05.GPTModel({**TINY, "emb_dim": 64}))
    assert not list(tmp_path.glob("*.parcial"))  # a gravação é atômica


def test_split_by_position_has_no_overlap(ch05):
    text = "\n\n".join(f"parágrafo {i} " + "x" * 50 for i in range(100))
    train, val = ch05.split_by_position(text)
    assert train + val == text
    assert val.startswith("\n\n") and 0.08 < len(val) / len(text) < 0.12


def test_load_course_model_recreates_it_when_missing_stale_or_corrupted(ch05, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(ch05, "CACHE_DIR", tmp_path)
    path = ch05.course_model_path(fast=True)
    assert not path.exists()
    model, tokenizer = ch05.load_course_model(torch.device("cpu"), fast=True)
    assert "Não achei o modelo do curso" in capsys.readouterr().out
    assert ch05.read_checkpoint(path)["fingerprint"] == ch05.course_fingerprint(fast=True)
    again, _ = ch05.load_course_model(torch.device("cpu"), fast=True)  # agora vem do cache, sem treinar
    assert "vou treiná-lo" not in capsys.readouterr().out
    ids = torch.tensor([tokenizer.encode("Capitu olhou")])
    with torch.no_grad():
        assert torch.equal(model(ids), again(ids))

    # O checkpoint "do mês passado": outra receita (ou outro corpus) → treina de novo, com o motivo.
    ch05.save_checkpoint(path, again, ch05.read_checkpoint(path)["config"], tokenizer, fingerprint="receita-antiga")
    ch05.load_course_model(torch.device("cpu"), fast=True)
    printed = capsys.readouterr().out
    assert "outra receita ou outro corpus" in printed and "receita-antiga" in printed
    assert ch05.read_checkpoint(path)["fingerprint"] == ch05.course_fingerprint(fast=True)

    path.write_bytes(path.read_bytes()[:300])  # um arquivo cortado no meio
    ch05.load_course_model(torch.device("cpu"), fast=True)
    assert "corrompido" in capsys.readouterr().out
    assert ch05.why_retrain(path, fast=True) is None


def test_fingerprint_follows_the_recipe_and_the_corpus(ch05, monkeypatch):
    fingerprint = ch05.course_fingerprint(fast=False)
    assert fingerprint != ch05.course_fingerprint(fast=True)  # o modo rápido é outra receita e outro corpus
    monkeypatch.setitem(ch05.COURSE_RECIPE, "max_steps", ch05.COURSE_RECIPE["max_steps"] + 1)
    assert ch05.course_fingerprint(fast=False) != fingerprint
    monkeypatch.undo()
    other_book = {**ch05.DATA_FILES["esauejacob.txt"], "sha256": "0" * 64}
    monkeypatch.setitem(ch05.DATA_FILES, "esauejacob.txt", other_book)
    assert ch05.course_fingerprint(fast=False) != fingerprint  # outro livro (outro sha256): outro corpus


@pytest.fixture(scope="module")
def books(ch05):
    return {name: ch05.read_book(name) for name in ch05.MACHADO_BOOKS}


def test_the_eight_books_decode_cleanly(ch05, books):
    assert len(books) == 8 and ch05.TEST_BOOK not in ch05.TRAINING_BOOKS and len(ch05.TRAINING_BOOKS) == 7
    for name, text in books.items():
        assert len(text) > 150_000, name
        assert "\r" not in text, name  # fins de linha do Windows normalizados
        assert "Ã" + "£" not in text and "Ã" + "§" not in text, name  # nada de UTF-8 lido como Windows-1252
        assert "ção" in text and "elle" in text, name  # português, com a ortografia da época
        assert text == text.strip()
    assert books["memorialdeayres.txt"].startswith("MACHADO DE ASSIS")
    assert len(books["historiassemdata.txt"]) == 299_415  # o tamanho da ficha do espelho de dados


def test_machado_split_is_by_position_in_every_book_and_leaves_the_test_book_out(ch05, books):
    train, val = ch05.machado_split()
    train_docs, val_docs = train.split(f"\n{ch05.EOT}\n"), val.split(f"\n{ch05.EOT}\n")
    assert len(train_docs) == len(val_docs) == 7
    for name, train_doc, val_doc in zip(ch05.TRAINING_BOOKS, train_docs, val_docs, strict=True):
        book = books[name]
        assert book.startswith(train_doc) and book.endswith(val_doc)  # o começo e o fim do mesmo livro
        assert len(train_doc) + len(val_doc) <= len(book) and 0.08 < len(val_doc) / len(book) < 0.12
        lines = [line for line in val_doc.splitlines() if len(line) > 50]
        assert lines and not [line for line in lines[:200] if line in train], name  # nenhuma linha vaza
    test_lines = [line for line in books[ch05.TEST_BOOK].splitlines() if len(line) > 60]
    assert len(test_lines) > 1000
    assert not [line for line in test_lines[::10] if line in train or line in val]


def test_early_stopping_stops_and_restores_the_best_weights(ch05, tiny_tokenizer):
    config = {**TINY, "vocab_size": tiny_tokenizer.n_vocab}
    torch.manual_seed(0)
    model = ch05.init_gpt2_weights(ch05.GPTModel(config))
    text = "Capitu tinha olhos de ressaca, e Bentinho olhava a janela. " * 40
    other = "Bentinho janela olhava; ressaca de olhos tinha Capitu. " * 8  # outra ordem: decorar o treino piora aqui
    train_loader = ch05.create_dataloader(text, 4, 16, shuffle=True, drop_last=True, tokenizer=tiny_tokenizer)
    val_loader = ch05.create_dataloader(other, 4, 16, shuffle=False, drop_last=False, tokenizer=tiny_tokenizer)
    optimizer = ch05.make_optimizer(model, 1e-2, 0.0)
    history = ch05.train_model(model, train_loader, val_loader, optimizer, torch.device("cpu"), max_steps=400,
                               peak_lr=1e-2, warmup_steps=2, eval_every=5, eval_batches=None, patience=3)
    losses = history["val_loss"]
    best = losses.index(min(losses))
    assert history["step"][-1] < 400  # parou antes do fim
    assert len(losses) - 1 - best == 3  # três avaliações seguidas sem melhorar
    with ch05.mixed_precision(torch.device("cpu"))[0]:  # a avaliação do laço roda no autocast
        kept = ch05.calc_loss_loader(val_loader, model, "cpu")
    assert kept == pytest.approx(losses[best], abs=1e-4) and kept < losses[-1] - 1e-3


@pytest.mark.parametrize("fp16_scaler", [False, True])
def test_optimizer_step_is_one_code_path_for_every_precision(ch05, tiny_model, fp16_scaler):
    inputs = torch.randint(0, 300, (2, 16), generator=torch.Generator().manual_seed(4))
    reference = copy.deepcopy(tiny_model).train()
    reference_optimizer = torch.optim.SGD(reference.parameters(), lr=1.0)
    ch05.calc_loss_batch(inputs, inputs, reference, "cpu").backward()
    norm = torch.nn.utils.clip_grad_norm_(reference.parameters(), 0.01)
    reference_optimizer.step()

    model = copy.deepcopy(tiny_model).train()
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    scaler = torch.amp.GradScaler("cpu", enabled=fp16_scaler)  # ligado: multiplica a perda e desfaz antes do recorte
    loss = ch05.calc_loss_batch(inputs, inputs, model, "cpu")
    assert ch05.optimizer_step(loss, model, optimizer, scaler, grad_clip=0.01).item() == pytest.approx(norm.item(),
                                                                                                          rel=1e-4)
    for ours, theirs in zip(model.parameters(), reference.parameters(), strict=True):
        assert torch.allclose(ours, theirs, atol=1e-6)
        assert ours.grad is None  # os gradientes já saem zerados para o próximo passo


def test_mixed_precision_scaler_is_on_only_for_fp16(ch05):
    autocast, dtype, scaler = ch05.mixed_precision(torch.device("cpu"))
    assert not scaler.is_enabled() and dtype in (None, torch.bfloat16)
