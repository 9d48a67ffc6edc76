"""Capítulo 02: tokenizadores, BPE (igual ao tiktoken com o vocabulário do GPT-2) e o dataset do GPT."""

import json
import os

import blocos
import pytest
import tiktoken
import tiktoken.load  # o módulo que lê TIKTOKEN_CACHE_DIR
import torch

ch02 = blocos.load_blocks("02-texto-vira-numero/notebook.ipynb")  # todos os blocos, na ordem do notebook


@pytest.fixture(scope="module")
def dom_casmurro():
    return ch02.download_file("dom_casmurro.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def quincas_borba():
    return ch02.download_file("quincas_borba.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def english():
    entries = json.loads(ch02.download_file("instruction-data-en.json").read_text(encoding="utf-8"))
    return "\n\n".join(f"{e['instruction']}\n{e['input']}\n{e['output']}" for e in entries)


@pytest.fixture(scope="module")
def reference():
    return tiktoken.get_encoding("gpt2")


@pytest.fixture(scope="module")
def our_gpt2():
    return ch02.load_gpt2_bpe(ch02.download_file("gpt2-vocab.bpe"), ch02.download_file("gpt2-encoder.json"))


# --- tokenizador de palavras ---------------------------------------------------------------------------------


def test_word_split_keeps_hyphenated_words_and_dialogue_dashes():
    assert ch02.split_words("--Vi-lhe o gesto, disse-me elle.") == [
        "--", "Vi-lhe", "o", "gesto", ",", "disse-me", "elle", "."]


def test_simple_tokenizer_round_trip_on_the_whole_book(dom_casmurro):
    tokenizer = ch02.SimpleTokenizerV1(ch02.build_vocab(dom_casmurro))
    ids = tokenizer.encode(dom_casmurro)
    assert tokenizer.encode(tokenizer.decode(ids)) == ids
    assert tokenizer.decode(tokenizer.encode("«Dom Casmurro, domingo vou jantar.»")) == (
        "«Dom Casmurro, domingo vou jantar.»")


def test_v1_rejects_unknown_words_with_a_clear_message(dom_casmurro):
    tokenizer = ch02.SimpleTokenizerV1(ch02.build_vocab(dom_casmurro))
    with pytest.raises(KeyError, match="'WhatsApp' não está no vocabulário"):
        tokenizer.encode("Capitú usava WhatsApp")


def test_v2_unknown_and_end_of_text(dom_casmurro):
    vocab = ch02.build_vocab(dom_casmurro)
    tokenizer = ch02.SimpleTokenizerV2(vocab)
    ids = tokenizer.encode("Capitú usava WhatsApp. <|endoftext|> Não.")
    assert vocab["<|unk|>"] in ids and vocab["<|endoftext|>"] in ids
    assert tokenizer.decode(ids) == "Capitú usava <|unk|>. <|endoftext|> Não."
    assert list(vocab)[-2:] == ["<|endoftext|>", "<|unk|>"]


# --- BPE -------------------------------------------------------------------------------------------------------


def test_bpe_training_is_deterministic_and_fast_equals_simple(dom_casmurro):
    text = dom_casmurro[:60_000]
    simple = ch02.train_bpe_simple(text, 40, ch02.GPT2_SPLIT_PATTERN)
    fast = ch02.train_bpe(text, 40, ch02.GPT2_SPLIT_PATTERN)
    again = ch02.train_bpe(text, 40, ch02.GPT2_SPLIT_PATTERN)
    assert fast == simple == again
    ranks, merges = fast
    assert len(ranks) == 256 + 40 and len(merges) == 40
    counts = [count for _, count in merges]
    assert counts[0] == max(counts)  # a primeira junção é a do par mais frequente


def test_bpe_learns_portuguese_pieces(dom_casmurro):
    ranks, _ = ch02.train_bpe(dom_casmurro, 300, ch02.GPT2_SPLIT_PATTERN)
    for piece in ["ão", " que", "ç", " não"]:
        assert piece.encode("utf-8") in ranks


def test_trained_bpe_round_trip_on_unseen_text(dom_casmurro):
    tokenizer = ch02.BPETokenizer(ch02.train_bpe(dom_casmurro, 200, ch02.GPT2_SPLIT_PATTERN)[0])
    for text in ["O celular tocou às 22h: 🙂\nInformação.", "", "  \t\n", "ação " * 50, "日本語"]:
        assert tokenizer.decode(tokenizer.encode(text)) == text


def test_the_merge_stops_when_nothing_is_left_to_merge():
    ranks, merges = ch02.train_bpe("aa", 10, ch02.GPT2_SPLIT_PATTERN)
    assert len(merges) == 1 and b"aa" in ranks


EDGE_CASES = [
    "", " ", "  ", "\n", "\n\n", "a\n\n\nb", "fim   ", "\t\tx", " \n ", "\r\n", "a  b   c",
    "I'm don't you'll we've they'd she's", "IT'S A TEST'S", "2026 anos, 3.14 e 1,5%", "🙂 emoji 👍🏽",
    "ç", "Ação!", "—«»“”", "\u00a0nbsp", "x" * 2000, "<|endoftext" , "Olá,mundo!!!  ...  ?",
    "def f(x):\n    return x  # código\n", "Ünïcödé ÀÉÎÕÜ ñ ß",
]


@pytest.mark.parametrize("text", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_gpt2_bpe_equals_tiktoken_on_edge_cases(text, our_gpt2, reference):
    assert our_gpt2.encode(text) == reference.encode(text)
    assert our_gpt2.decode(our_gpt2.encode(text)) == text


def test_gpt2_bpe_equals_tiktoken_on_whole_books(dom_casmurro, quincas_borba, english, our_gpt2, reference):
    for text in [dom_casmurro, quincas_borba, english]:
        assert our_gpt2.encode(text) == reference.encode(text)


def test_special_tokens(our_gpt2, reference):
    text = "Fim.<|endoftext|>Outro texto.<|endoftext|>"
    allowed = {"<|endoftext|>"}
    assert our_gpt2.encode(text, allowed_special=allowed) == reference.encode(text, allowed_special=allowed)
    assert our_gpt2.encode(text, allowed_special="all").count(50256) == 2
    with pytest.raises(ValueError, match="token especial '<\\|endoftext\\|>'"):
        our_gpt2.encode(text)
    assert our_gpt2.decode([50256]) == "<|endoftext|>"
    assert our_gpt2.n_vocab == reference.n_vocab == 50257


def test_decode_of_partial_characters_and_bad_ids(our_gpt2, reference):
    ids = our_gpt2.encode(" coração")
    assert [our_gpt2.decode([i]) for i in ids] == [reference.decode([i]) for i in ids]
    with pytest.raises(ValueError, match="fora do vocabulário"):
        our_gpt2.decode([50257])
    with pytest.raises(TypeError, match="espera um texto"):
        our_gpt2.encode(b"bytes")


def test_mismatched_gpt2_files_are_rejected(tmp_path):
    vocab = ch02.download_file("gpt2-vocab.bpe").read_text(encoding="utf-8").splitlines()
    swapped = tmp_path / "vocab.bpe"
    swapped.write_text("\n".join([vocab[0], vocab[2], vocab[1], *vocab[3:]]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="não combinam na junção 0"):
        ch02.load_gpt2_bpe(swapped, ch02.download_file("gpt2-encoder.json"))


def test_tiktoken_failure_becomes_a_clear_message(monkeypatch):
    def offline(name):
        raise ConnectionError("sem rede")

    monkeypatch.setattr(ch02.tiktoken, "get_encoding", offline)
    with pytest.raises(RuntimeError, match="Não consegui carregar o tokenizador do GPT-2.*TIKTOKEN_CACHE_DIR"):
        ch02.get_gpt2_tokenizer()


def test_cache_dir_set_after_import_works_without_restarting(monkeypatch, tmp_path):
    # O conselho da mensagem: definir TIKTOKEN_CACHE_DIR com o tiktoken já importado e chamar de novo.
    good_cache = os.environ.get("TIKTOKEN_CACHE_DIR") or str(tmp_path / "cache")
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", good_cache)
    monkeypatch.setattr(tiktoken.registry, "ENCODINGS", {})  # esquece o vocabulário já carregado
    tiktoken.get_encoding("gpt2")  # garante o cache (baixa, se a pasta estiver vazia)
    monkeypatch.setattr(tiktoken.registry, "ENCODINGS", {})

    def offline(blobpath):
        raise ConnectionError("sem rede")

    monkeypatch.setattr(tiktoken.load, "read_file", offline)
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path / "vazia"))  # sem rede e sem cache: falha
    with pytest.raises(RuntimeError, match=r"os\.environ\['TIKTOKEN_CACHE_DIR'\]"):
        ch02.get_gpt2_tokenizer()
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", good_cache)  # no mesmo processo, sem reimportar nada
    assert ch02.get_gpt2_tokenizer().encode(" não") == [299, 28749]


# --- dataset e DataLoader --------------------------------------------------------------------------------------


class CharTokenizer:
    """Um id por caractere: comprimentos exatos para conferir as contas do dataset."""

    def encode(self, text, allowed_special=()):
        return [ord(c) for c in text]


@pytest.mark.parametrize("n_tokens, max_length, stride", [
    (10, 4, 4), (10, 4, 1), (10, 9, 1), (10, 9, 5), (1000, 100, 50), (1000, 100, 100), (257, 256, 256), (300, 8, 3),
])
def test_dataset_length_and_target_shift(n_tokens, max_length, stride):
    text = "".join(chr(65 + i % 50) for i in range(n_tokens))
    dataset = ch02.GPTDatasetV1(text, CharTokenizer(), max_length, stride)
    starts = range(0, n_tokens - max_length, stride)
    assert len(dataset) == len(starts)
    ids = torch.tensor(CharTokenizer().encode(text))
    for index, start in enumerate(starts):
        x, y = dataset[index]
        assert x.shape == y.shape == (max_length,)
        assert torch.equal(x, ids[start : start + max_length])
        assert torch.equal(y, ids[start + 1 : start + max_length + 1])
    with pytest.raises(IndexError):
        dataset[len(dataset)]


@pytest.mark.parametrize("text, max_length, stride, message", [
    ("", 4, 4, "O texto está vazio"),
    ("   \n", 4, 4, "O texto está vazio"),
    ("curto", 256, 128, "O texto tem 5 tokens, mas cada exemplo precisa de max_length \\+ 1 = 257"),
    ("um texto qualquer", 4, 0, "stride precisa ser pelo menos 1"),
    ("um texto qualquer", 4, -2, "stride precisa ser pelo menos 1"),
    ("um texto qualquer", 0, 1, "max_length precisa ser pelo menos 1"),
])
def test_dataset_bad_input(text, max_length, stride, message):
    with pytest.raises(ValueError, match=message):
        ch02.GPTDatasetV1(text, CharTokenizer(), max_length, stride)


def test_dataloader_batches_with_the_gpt2_tokenizer(dom_casmurro, reference):
    loader = ch02.create_dataloader(dom_casmurro[:20_000], batch_size=4, max_length=32, stride=32, shuffle=False)
    inputs, targets = next(iter(loader))
    assert inputs.shape == targets.shape == (4, 32)
    assert inputs.dtype == torch.long
    assert torch.equal(inputs[:, 1:], targets[:, :-1])
    assert inputs[0].tolist() == reference.encode(dom_casmurro[:20_000])[:32]
    n_examples = len(loader.dataset)
    assert len(loader) == n_examples // 4  # drop_last descarta o lote incompleto


def test_dataloader_rejects_a_batch_that_can_never_be_filled(dom_casmurro):
    with pytest.raises(ValueError, match="nenhum lote sairia"):
        ch02.create_dataloader(dom_casmurro[:200], batch_size=64, max_length=8, stride=8)
    with pytest.raises(ValueError, match="batch_size precisa ser pelo menos 1"):
        ch02.create_dataloader(dom_casmurro[:200], batch_size=0)


def test_dataloader_default_stride_is_max_length(dom_casmurro):
    loader = ch02.create_dataloader(dom_casmurro[:20_000], batch_size=2, max_length=16, shuffle=False)
    (first, _), (second, _) = loader.dataset[0], loader.dataset[1]
    ids = loader.dataset.token_ids
    assert torch.equal(first, ids[:16]) and torch.equal(second, ids[16:32])  # janelas vizinhas, sem sobreposição
