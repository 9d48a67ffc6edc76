"""Capítulo 01: temperatura e geração de texto com o bigrama (blocos `temperatura` e `bigrama`)."""

import collections
import re

import blocos
import pytest
import torch

ch01 = blocos.load_blocks("01-o-que-e-um-llm/notebook.ipynb", "baixar_dados", "temperatura", "bigrama")

VOCAB = ["<unk>", "a", "casa", "é", "de", "capitu", "sozinha"]
ID = {word: i for i, word in enumerate(VOCAB)}


def toy_table():
    """Tabela 7 × 7 com as três armadilhas: uma linha só de <unk>, uma linha vazia e linhas normais."""
    counts = torch.zeros(len(VOCAB), len(VOCAB))
    for current, following in [("a", "casa"), ("casa", "é"), ("casa", "de"), ("é", "a"), ("de", "capitu")]:
        counts[ID[current], ID[following]] += 1
    counts[ID["capitu"], ID["<unk>"]] = 5  # "capitu" só foi vista antes de palavras raras
    # "sozinha" nunca aparece seguida de nada: a linha fica toda com zeros
    return counts / counts.sum(dim=1, keepdim=True).clamp(min=1)


def words_of(text):
    return text.split(" ")  # o vocabulário de brinquedo não tem pontuação


@pytest.mark.parametrize("start", ["capitu", "sozinha"])
def test_a_row_with_only_unk_or_nothing_falls_back_and_gives_valid_words(start):
    text = ch01.generate(toy_table(), VOCAB, start, 20)
    words = words_of(text)
    assert words[0] == start and len(words) == 21
    assert all(word in VOCAB and word != "<unk>" for word in words)


def test_the_fallback_also_works_in_the_middle_of_the_text():
    table = toy_table()
    table[ID["de"]] = 0
    table[ID["de"], ID["capitu"]] = 1  # "de" sempre leva a "capitu", cuja linha só tem <unk>
    for seed in range(20):
        words = words_of(ch01.generate(table, VOCAB, "casa", 15, seed=seed))
        assert len(words) == 16 and "<unk>" not in words


def test_fallback_is_the_mean_of_the_rows_without_unk():
    # Da linha só de <unk>, o próximo sorteio segue a média das linhas: nunca uma palavra que ninguém segue.
    never_follows = {"<unk>", "sozinha"}
    for seed in range(50):
        second = words_of(ch01.generate(toy_table(), VOCAB, "capitu", 1, seed=seed))[1]
        assert second not in never_follows


def test_generation_is_reproducible_with_the_seed_and_works_on_a_table_with_gradient():
    table = toy_table().requires_grad_()
    assert ch01.generate(table, VOCAB, "a", 10, seed=7) == ch01.generate(toy_table(), VOCAB, "a", 10, seed=7)


@pytest.mark.parametrize("temperature", [0, 0.0, -1.0])
def test_non_positive_temperature_is_refused_with_a_clear_message(temperature):
    with pytest.raises(ValueError, match="A temperatura precisa ser positiva"):
        ch01.generate(toy_table(), VOCAB, "a", 5, temperature=temperature)
    with pytest.raises(ValueError, match="A temperatura precisa ser positiva"):
        ch01.apply_temperature(torch.tensor([0.5, 0.5]), temperature)


@pytest.mark.parametrize("start", ["whatsapp", "Capitu", "<unk>"])
def test_unknown_start_word_is_refused_with_a_clear_message(start):
    with pytest.raises(ValueError, match="não está no vocabulário do modelo"):
        ch01.generate(toy_table(), VOCAB, start, 5)


def test_apply_temperature_is_p_to_the_one_over_t_renormalised():
    p = torch.tensor([0.5, 0.3, 0.2, 0.0])
    for temperature in [0.5, 1.0, 2.0]:
        expected = p ** (1 / temperature) / (p ** (1 / temperature)).sum()
        torch.testing.assert_close(ch01.apply_temperature(p, temperature), expected)


def test_a_tiny_temperature_does_not_underflow_to_nan():
    p = torch.tensor([0.2, 0.15, 0.1, 0.05] + [0.5 / 96] * 96)  # 0,2^100 não cabe num float32
    sharp = ch01.apply_temperature(p, 0.01)
    assert torch.isfinite(sharp).all()
    assert sharp.argmax().item() == 0 and sharp[0].item() > 0.99


def test_detokenize_glues_punctuation():
    assert ch01.detokenize(["capitú", ",", "olhos", "de", "ressaca", "."]) == "capitú, olhos de ressaca."


def test_the_book_words_whose_row_is_only_unk_generate_without_crashing():
    # O caso real do notebook (modo completo): "estás" e "egualmente" só aparecem antes de palavras raras.
    book = ch01.download_file("dom_casmurro.txt").read_text(encoding="utf-8")
    story = book[book.index("\nI\n\nDo titulo.") : book.index("\nFIM\n")]
    tokens = re.findall(r"\w+|--|[^\w\s]", story.lower())
    train = tokens[: int(0.8 * len(tokens))]
    vocab = ["<unk>"] + [word for word, _ in collections.Counter(train).most_common(2000)]
    word_to_id = {word: i for i, word in enumerate(vocab)}
    ids = torch.tensor([word_to_id.get(word, 0) for word in train])
    counts = torch.zeros(len(vocab), len(vocab))
    counts.index_put_((ids[:-1], ids[1:]), torch.ones(len(ids) - 1), accumulate=True)
    probs = counts / counts.sum(dim=1, keepdim=True).clamp(min=1)
    for word in ["estás", "egualmente"]:
        assert probs[word_to_id[word], 1:].sum() == 0, f"{word!r} deveria ter a linha só com <unk>"
        for temperature in [0.5, 1.0, 1.5]:
            words = ch01.generate(probs, vocab, word, 30, temperature=temperature)
            assert words.startswith(word) and "<unk>" not in words
