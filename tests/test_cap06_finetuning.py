"""Capítulo 06: dados de spam, SpamDataset, cirurgia, perda e acurácia, ajuste fino, TF-IDF e classify_review."""

import blocos
import pandas as pd
import pytest
import torch
from torch.utils.data import DataLoader

NOTEBOOK = "06-fine-tuning/notebook.ipynb"
TINY = {"vocab_size": 300, "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_layers": 3, "drop_rate": 0.0,
        "qkv_bias": False}


@pytest.fixture(scope="module")
def ch06():
    return blocos.load_blocks(NOTEBOOK)


@pytest.fixture(scope="module")
def tokenizer(ch06):
    text = "Ganhe um prêmio agora, ligue já. Até amanhã, mãe, chego cedo. " * 30
    return ch06.train_tokenizer(text, 300)


@pytest.fixture
def tiny_gpt(ch06):
    torch.manual_seed(0)
    return ch06.init_gpt2_weights(ch06.GPTModel(TINY))


def frame(texts, labels):
    return pd.DataFrame({"text": texts, "label": labels})


def test_dataset_closes_truncates_and_pads(ch06, tokenizer):
    eot = ch06.end_of_text_id(tokenizer)
    assert eot == tokenizer.special_tokens["<|endoftext|>"]
    texts = ["Ganhe um prêmio", "Até", "ligue já " * 20]  # a última passa do contexto (16)
    dataset = ch06.SpamDataset(frame(texts, [1, 0, 1]), tokenizer, context_length=16)
    assert dataset.max_length == 16 and dataset.truncated == 1
    for (ids, last, label), text, expected_label in zip(dataset, texts, [1, 0, 1]):
        message = tokenizer.encode(text)[:15]
        assert ids[: len(message)].tolist() == message
        assert last.item() == len(message) and ids[last].item() == eot  # o <|endoftext|> que fecha
        assert (ids[last:] == eot).all()  # depois dele, só preenchimento
        assert label.item() == expected_label
    short = ch06.SpamDataset(frame(texts[:2], [1, 0]), tokenizer, context_length=16)
    assert short.max_length == len(tokenizer.encode(texts[0])) + 1  # a mais longa, não o contexto
    fixed = ch06.SpamDataset(frame(texts[1:2], [0]), tokenizer, context_length=16, max_length=short.max_length)
    assert fixed.inputs.shape == (1, short.max_length)


def test_trim_padding_cuts_only_unused_columns(ch06, tokenizer):
    dataset = ch06.SpamDataset(frame(["Ganhe um prêmio agora", "Até", "ligue já " * 20], [1, 0, 1]), tokenizer, 16)
    inputs, last, labels = ch06.trim_padding([dataset[0], dataset[1]])
    assert inputs.shape[1] == last.max().item() + 1 == len(tokenizer.encode("Ganhe um prêmio agora")) + 1
    assert labels.tolist() == [1, 0]


def test_near_copy_key_ignores_case_punctuation_and_numbers(ch06):
    key = ch06.near_copy_key
    assert key("Ligue JÁ para 0871 240 2578!") == key("ligue já, para 0871-240-2779") == "ligue já para 0 0 0"
    assert key("Você ganhou um prêmio") != key("Você ganhou um carro")  # uma palavra diferente: outra mensagem
    assert key("  oi\n mãe_ ") == "oi mãe"


def test_loading_removes_copies_and_near_copies(ch06):
    messages = ch06.load_spam_messages("pt")
    keys = messages["text"].map(ch06.near_copy_key)
    assert not keys.duplicated().any() and set(messages["label"]) == {0, 1}
    raw = pd.read_csv(ch06.download_file("spam_br.csv"))["EmailTextBR"].astype(str).str.strip()
    assert len(messages) == raw.map(ch06.near_copy_key).nunique() < raw.nunique() < len(raw)
    english = ch06.load_spam_messages("en")
    assert english["text"].str.contains("call", case=False).any()
    with pytest.raises(ValueError, match="idioma"):
        ch06.load_spam_messages("fr")


def test_balance_keeps_the_left_out_messages_apart(ch06):
    messages = frame([f"normal {i}" for i in range(10)] + [f"spam {i}" for i in range(4)], [0] * 10 + [1] * 4)
    balanced, left_out = ch06.balance_classes(messages, seed=1)
    assert balanced["label"].value_counts().to_dict() == {0: 4, 1: 4}
    assert len(left_out) == 6 and set(left_out["label"]) == {0}
    assert set(balanced["text"]) | set(left_out["text"]) == set(messages["text"])
    assert not set(balanced["text"]) & set(left_out["text"])


def test_split_is_stratified_and_has_no_overlap(ch06):
    # 30 normais e 10 spams: cada classe é cortada em 70/10/20 por conta própria
    data = frame([f"normal {i}" for i in range(30)] + [f"spam {i}" for i in range(10)], [0] * 30 + [1] * 10)
    train, val, test = ch06.split_frame(data, seed=1)
    assert [p["label"].value_counts().to_dict() for p in (train, val, test)] == [{0: 21, 1: 7}, {0: 3, 1: 1},
                                                                                   {0: 6, 1: 2}]
    parts = [set(p["text"]) for p in (train, val, test)]
    assert not (parts[0] & parts[1] or parts[0] & parts[2] or parts[1] & parts[2])
    assert parts[0] | parts[1] | parts[2] == set(data["text"])
    assert train["label"].tolist() != sorted(train["label"].tolist())  # as classes saem embaralhadas
    again = ch06.split_frame(data, seed=1)
    assert all(a.equals(b) for a, b in zip((train, val, test), again))  # mesma semente, mesmas partes


def test_surgery_replaces_the_head_and_counts_exactly(ch06, tiny_gpt):
    model = ch06.make_classifier(tiny_gpt, num_classes=2, trainable="last_block")
    assert model.out_head.out_features == 2 and model.out_head.bias is not None
    block = sum(p.numel() for p in model.trf_blocks[-1].parameters())
    expected = block + 2 * 32 + (32 * 2 + 2)  # último bloco + final_norm (escala e deslocamento) + cabeça nova
    assert ch06.count_parameters(model, trainable_only=True) == expected
    frozen = [name for name, p in model.named_parameters() if not p.requires_grad]
    assert all(name.startswith(("tok_emb", "pos_emb", "trf_blocks.0", "trf_blocks.1")) for name in frozen)
    everything = ch06.make_classifier(ch06.GPTModel(TINY), trainable="all")
    assert ch06.count_parameters(everything, True) == ch06.count_parameters(everything)
    with pytest.raises(ValueError, match="trainable"):
        ch06.make_classifier(ch06.GPTModel(TINY), trainable="metade")


def test_class_logits_ignore_the_padding(ch06, tiny_gpt):
    model = ch06.make_classifier(tiny_gpt).eval()
    ids = [5, 17, 42, 99]
    logits = [ch06.class_logits(model, torch.tensor([ids + [0] * pad]), torch.tensor([3])) for pad in (0, 3, 12)]
    assert all(torch.allclose(logits[0], other, atol=1e-5) for other in logits[1:])


def test_accuracy_and_metrics_on_hand_made_batches(ch06, tiny_gpt):
    model = ch06.make_classifier(tiny_gpt).eval()
    inputs = torch.randint(0, 300, (6, 5), generator=torch.Generator().manual_seed(3))
    last = torch.tensor([4, 2, 3, 4, 1, 0])
    guesses = ch06.class_logits(model, inputs, last).argmax(-1)
    labels = torch.tensor([guesses[0], guesses[1], guesses[2], 1 - guesses[3], 1 - guesses[4], 1 - guesses[5]])
    loader = [(inputs[:4], last[:4], labels[:4]), (inputs[4:], last[4:], labels[4:])]
    assert ch06.calc_accuracy_loader(loader, model, "cpu") == pytest.approx(0.5)
    assert ch06.calc_accuracy_loader(loader, model, "cpu", num_batches=1) == pytest.approx(0.75)
    metrics = ch06.classification_metrics([1, 1, 1, 0, 0, 0, 1, 0], [1, 1, 0, 0, 1, 0, 1, 0])
    # VP 3, FN 1, FP 1, VN 3: precisão 3/4, revocação 3/4, F1 3/4, acurácia 6/8
    assert metrics["confusão"].tolist() == [[3, 1], [1, 3]]
    assert metrics["precisão"] == metrics["revocação"] == metrics["F1"] == pytest.approx(0.75)
    assert metrics["acurácia"] == pytest.approx(0.75)
    assert ch06.classification_metrics([1, 1], [0, 0])["F1"] == 0.0  # sem nenhum acerto de spam: F1 = 0


def spam_and_ham(ch06, tokenizer):
    spam = [f"Ganhe um prêmio agora {i}, ligue já" for i in range(24)]
    ham = [f"Até amanhã, mãe {i}, chego cedo" for i in range(24)]
    return ch06.SpamDataset(frame(spam + ham, [1] * 24 + [0] * 24), tokenizer, context_length=16)


def seeded_loader(ch06, dataset, seed):
    return DataLoader(dataset, batch_size=8, shuffle=True, drop_last=True, collate_fn=ch06.trim_padding,
                      generator=torch.Generator().manual_seed(seed))


def test_a_few_epochs_of_fine_tuning_beat_chance(ch06, tokenizer, tiny_gpt):
    dataset = spam_and_ham(ch06, tokenizer)
    model = ch06.make_classifier(tiny_gpt, trainable="last_block")
    optimizer = ch06.make_optimizer(model, 3e-3, 0.1)
    history = ch06.train_classifier(model, seeded_loader(ch06, dataset, 0), seeded_loader(ch06, dataset, 1), optimizer,
                                    "cpu", epochs=4, eval_every=5)
    assert history["train_acc"][-1] >= 0.9 and history["epoch_step"] == [6, 12, 18, 24]
    assert len(history["train_loss"]) == 24 and history["val_step"] == [5, 10, 15, 20]
    assert len(history["val_loss"]) == len(history["val_step"])
    assert sum(history["train_loss"][-6:]) < sum(history["train_loss"][:6])


def test_measuring_during_training_does_not_change_the_training(ch06, tokenizer):
    # O notebook reaproveita o ajuste da seção 7 (que mede a cada época) como a semente 123 da tabela (que não
    # mede): para isso, medir não pode gastar o sorteio da ordem dos lotes nem mexer nos pesos.
    dataset = spam_and_ham(ch06, tokenizer)
    weights = []
    for measure in (True, False):
        torch.manual_seed(7)
        model = ch06.make_classifier(ch06.init_gpt2_weights(ch06.GPTModel(TINY)), trainable="all")
        optimizer = ch06.make_optimizer(model, 3e-3, 0.1)
        ch06.train_classifier(model, seeded_loader(ch06, dataset, 7), seeded_loader(ch06, dataset, 8), optimizer,
                              "cpu", epochs=3, eval_every=2 if measure else None, track_accuracy=measure)
        weights.append(model.state_dict())
    assert all(torch.equal(weights[0][name], weights[1][name]) for name in weights[0])


def test_dataset_reads_the_last_token_of_whatever_encoding(ch06, tokenizer):
    def without_eot(text, tokenizer, max_length):
        ids = tokenizer.encode(text)
        return ids[:max_length], len(ids) - len(ids[:max_length])

    texts = ["Ganhe um prêmio", "ligue já " * 20]
    dataset = ch06.SpamDataset(frame(texts, [1, 1]), tokenizer, context_length=16, encode=without_eot)
    assert dataset.last_index.tolist() == [len(tokenizer.encode(texts[0])) - 1, 15]
    assert dataset.inputs[0, : len(tokenizer.encode(texts[0]))].tolist() == tokenizer.encode(texts[0])
    assert dataset.truncated == 1


def test_tfidf_baseline_on_a_toy_corpus(ch06):
    texts = ["ganhe premio gratis agora", "premio gratis ligue", "ligue agora e ganhe", "oi mae chego cedo",
             "ate amanha mae", "chego cedo amanha"]
    model = ch06.TfidfLogisticRegression().fit(texts, [1, 1, 1, 0, 0, 0])
    assert model.predict(["premio gratis", "mae chego amanha", "palavra nova"]).tolist()[:2] == [1, 0]
    assert set(model.vocab) == {w for t in texts for w in t.split() if len(w) > 1}
    features = model.features(["premio premio gratis"])
    assert features.norm().item() == pytest.approx(1.0)
    # o IDF suavizado: "premio" aparece em 2 de 6 mensagens → ln(7/3) + 1
    assert model.idf[model.vocab["premio"]].item() == pytest.approx(torch.log(torch.tensor(7 / 3)).item() + 1)
    assert model.spam_probability(["palavra nova"]).item() == pytest.approx(
        torch.sigmoid(model.bias).item(), abs=1e-6)  # sem palavras conhecidas, só o viés


def test_classify_review_on_bad_and_oversized_input(ch06, tokenizer, tiny_gpt, capsys):
    model = ch06.make_classifier(tiny_gpt).eval()
    label, probability = ch06.classify_review("Ganhe um prêmio", model, tokenizer, "cpu")
    assert label in ch06.LABEL_NAMES and 0 <= probability <= 1
    with pytest.raises(ValueError, match="vazia"):
        ch06.classify_review("  \n", model, tokenizer, "cpu")
    with pytest.raises(TypeError, match="texto"):
        ch06.classify_review(None, model, tokenizer, "cpu")
    long_text = "ligue já " * 40
    assert ch06.classify_review(long_text, model, tokenizer, "cpu")[1] == pytest.approx(
        ch06.classify_review(tokenizer.decode(tokenizer.encode(long_text)[:15]), model, tokenizer, "cpu")[1], abs=1e-3)
    assert "classifiquei só o começo" in capsys.readouterr().out


def test_saved_classifier_reloads_with_identical_predictions(ch06, tokenizer, tiny_gpt, tmp_path):
    model = ch06.make_classifier(tiny_gpt).eval()
    path = ch06.save_classifier(tmp_path / "spam.pt", model, TINY, tokenizer)
    reloaded, reloaded_tokenizer, config = ch06.load_classifier(path, "cpu")
    assert config["num_classes"] == 2 and reloaded_tokenizer.ranks == tokenizer.ranks
    dataset = ch06.SpamDataset(frame(["Ganhe um prêmio", "Até amanhã", "ligue"], [1, 0, 1]), tokenizer, 16)
    loader = DataLoader(dataset, batch_size=2, collate_fn=ch06.trim_padding)
    first, second = ch06.predict_loader(loader, model, "cpu"), ch06.predict_loader(loader, reloaded, "cpu")
    assert torch.equal(first[1], second[1]) and torch.equal(first[2], second[2])
    language_model = ch06.save_checkpoint(tmp_path / "lm.pt", ch06.GPTModel(TINY), TINY, tokenizer)
    with pytest.raises(ValueError, match="não um classificador"):
        ch06.load_classifier(language_model, "cpu")


def test_gpt2_base_model_path_runs_offline(ch06, monkeypatch, tmp_path):
    monkeypatch.setattr(ch06, "CACHE_DIR", tmp_path)
    monkeypatch.setenv("CURSO_DADOS", str(blocos.ROOT.parent / "shared" / "dados"))
    model, config, tokenizer = ch06.load_base_model("gpt2", torch.device("cpu"), seed=0)
    assert tokenizer.encode("Hello world") == [15496, 995]  # os ids do GPT-2 (tiktoken)
    assert ch06.end_of_text_id(tokenizer) == 50256
    classifier = ch06.make_classifier(model).eval()
    dataset = ch06.SpamDataset(frame(["Win a prize now", "See you"], [1, 0]), tokenizer, config["context_length"])
    inputs, last, _ = ch06.trim_padding(list(dataset))
    assert ch06.class_logits(classifier, inputs, last).shape == (2, 2)
    with pytest.raises(ValueError, match="desconhecido"):
        ch06.load_base_model("llama", torch.device("cpu"))
