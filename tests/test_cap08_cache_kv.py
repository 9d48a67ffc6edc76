"""Capítulo 08: o GPT com cache de chaves e valores (generate_cached) e o FastGPTModel, contra o GPTModel; o
cronômetro das medidas de velocidade; e as células das seções 2 e 4 em passos curtos."""

import benchmark
import blocos
import nbformat
import pytest
import torch

NOTEBOOK = "08-extras/notebook.ipynb"
TINY = {"vocab_size": 300, "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_layers": 2, "drop_rate": 0.0,
        "qkv_bias": False}


@pytest.fixture(scope="module")
def ch08():
    return blocos.load_blocks(NOTEBOOK, "gpt_kv", "gerar_com_cache", "pesos_rapidos", "gerar", "cronometro")


def tiny_pair(ch08, **changes):
    """Um GPTModel pequeno com pesos aleatórios e o GPTModelKV com os mesmos pesos, ambos em modo de avaliação."""
    cfg = {**TINY, **changes}
    torch.manual_seed(0)
    gpt = ch08.GPTModel(cfg).eval()
    cached = ch08.GPTModelKV(cfg)
    cached.load_state_dict(gpt.state_dict())
    return gpt, cached.eval()


def prompt(length, seed=0):
    return torch.randint(0, TINY["vocab_size"], (1, length), generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("qkv_bias", [False, True])
def test_kv_model_has_exactly_the_parameters_of_gpt_model(ch08, qkv_bias):
    gpt, cached = tiny_pair(ch08, qkv_bias=qkv_bias)
    shapes = {name: tensor.shape for name, tensor in gpt.state_dict().items()}
    assert {name: tensor.shape for name, tensor in cached.state_dict().items()} == shapes
    assert list(cached.state_dict()) == list(gpt.state_dict())  # a mesma ordem, inclusive


def test_forward_with_and_without_cache_gives_the_logits_of_gpt_model(ch08):
    gpt, cached = tiny_pair(ch08)
    ids = prompt(16)
    with torch.no_grad():
        expected = gpt(ids)
        torch.testing.assert_close(cached(ids), expected, atol=1e-5, rtol=0)
        cached.reset_cache()
        torch.testing.assert_close(cached(ids, use_cache=True), expected, atol=1e-5, rtol=0)
        # Em pedaços: 5 tokens, 1, 3 de uma vez (a máscara causal entre os novos e o cache), 7.
        cached.reset_cache()
        pieces = [cached(ids[:, start:end], use_cache=True) for start, end in [(0, 5), (5, 6), (6, 9), (9, 16)]]
    torch.testing.assert_close(torch.cat(pieces, dim=1), expected, atol=1e-5, rtol=0)
    assert cached.position == 16 and all(block.att.cache_k.shape[2] == 16 for block in cached.trf_blocks)
    with pytest.raises(ValueError, match="reset_cache"):  # o cache cheio não aceita mais um token
        cached(ids[:, :1], use_cache=True)


@pytest.mark.parametrize("length", [1, 5, 20])
@pytest.mark.parametrize("max_new_tokens", [0, 1, 7, 40])
def test_greedy_generate_cached_equals_generate(ch08, length, max_new_tokens):
    gpt, cached = tiny_pair(ch08)
    ids = prompt(length, seed=length)
    expected = ch08.generate(gpt, ids, max_new_tokens, context_size=16)
    assert torch.equal(ch08.generate_cached(cached, ids, max_new_tokens, context_size=16), expected)


def test_greedy_with_a_window_smaller_than_the_context_and_a_batch(ch08):
    gpt, cached = tiny_pair(ch08)
    ids = torch.cat([prompt(4, seed=1), prompt(4, seed=2)])  # duas sequências no lote
    expected = ch08.generate(gpt, ids, 30, context_size=8)
    assert torch.equal(ch08.generate_cached(cached, ids, 30, context_size=8), expected)


def test_the_cache_really_saves_work(ch08):
    """Quantos tokens entram no modelo a cada passo: o prompt, depois 1 por vez até a janela encher."""
    _, cached = tiny_pair(ch08)
    lengths = []
    cached.register_forward_pre_hook(lambda module, args: lengths.append(args[0].shape[1]))
    ch08.generate_cached(cached, prompt(5), 15, context_size=16)
    assert lengths == [5] + [1] * 11 + [16] * 3  # 5 + 11 = 16: daí em diante, a janela inteira a cada passo


@pytest.mark.parametrize("options", [{"temperature": 1.0}, {"temperature": 0.8, "top_k": 20},
                                     {"temperature": 1.5, "top_p": 0.9}])
def test_sampling_with_the_same_seed_draws_the_same_tokens(ch08, options):
    gpt, cached = tiny_pair(ch08)
    ids = prompt(5)
    torch.manual_seed(42)
    expected = ch08.generate(gpt, ids, 40, context_size=16, **options)
    torch.manual_seed(42)
    assert torch.equal(ch08.generate_cached(cached, ids, 40, context_size=16, **options), expected)


@pytest.mark.parametrize("options", [
    {"temperature": -0.5}, {"temperature": 1.0, "top_k": 0}, {"temperature": 1.0, "top_k": 301},
    {"temperature": 1.0, "top_p": 0.0}, {"temperature": 1.0, "top_p": 1.2}, {"max_new_tokens": -1},
    {"idx": torch.zeros(1, 0, dtype=torch.long)},
])
def test_bad_settings_raise_the_same_errors_as_generate(ch08, options):
    gpt, cached = tiny_pair(ch08)
    arguments = {"idx": prompt(2), "max_new_tokens": 3, "context_size": 16, **options}
    with pytest.raises(ValueError) as expected:
        ch08.generate(gpt, **arguments)
    with pytest.raises(ValueError) as got:
        ch08.generate_cached(cached, **arguments)
    assert str(got.value) == str(expected.value)


def test_eos_stops_generation_like_generate(ch08):
    gpt, cached = tiny_pair(ch08)
    ids = prompt(5)
    greedy = ch08.generate(gpt, ids, 10, context_size=16)
    eos_id = greedy[0, 8].item()  # o 4.º token gerado (ou antes, se ele já tiver aparecido)
    expected = ch08.generate(gpt, ids, 10, context_size=16, eos_id=eos_id)
    assert expected.shape[1] <= 9 and expected[0, -1] == eos_id
    assert torch.equal(ch08.generate_cached(cached, ids, 10, context_size=16, eos_id=eos_id), expected)


@pytest.mark.parametrize("qkv_bias", [False, True])
def test_fast_model_gives_the_logits_of_gpt_model(ch08, qkv_bias):
    torch.manual_seed(0)
    gpt = ch08.GPTModel({**TINY, "qkv_bias": qkv_bias, "drop_rate": 0.1}).eval()
    fast = ch08.fast_from_gpt(gpt)
    assert not fast.training and fast.drop_emb.p == 0.1
    ids = torch.randint(0, 300, (2, 16), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        torch.testing.assert_close(fast(ids), gpt(ids), atol=1e-4, rtol=0)


def test_fast_model_parameter_count_with_and_without_weight_tying(ch08):
    def total(model):
        return sum(p.numel() for p in model.parameters())  # parameters() conta uma vez o tensor compartilhado

    gpt_cfg = {**TINY, "qkv_bias": True}
    untied = total(ch08.FastGPTModel(gpt_cfg))
    assert untied == total(ch08.GPTModel(gpt_cfg))
    tied = ch08.FastGPTModel(gpt_cfg, tie_weights=True)
    assert total(tied) == untied - TINY["vocab_size"] * TINY["emb_dim"]
    assert tied.out_head.weight is tied.tok_emb.weight


def test_fast_model_with_cache_generates_the_same_tokens(ch08):
    # O FastGPTModelKV (a versão rápida, que mora no benchmark) também gera os tokens do generate, além do contexto.
    torch.manual_seed(3)
    config = {"vocab_size": 50, "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_layers": 2, "drop_rate": 0.0,
              "qkv_bias": True}
    plain = ch08.GPTModel(config).eval()
    fast_cached = benchmark.FastGPTModelKV(config).eval()
    fast_cached.load_state_dict(ch08.fast_from_gpt(plain).state_dict())
    for prompt_length in (1, 5, 20):
        prompt = torch.randint(0, 50, (1, prompt_length))
        expected = ch08.generate(plain, prompt, 30, 16)
        assert torch.equal(ch08.generate_cached(fast_cached, prompt, 30, 16), expected)
    with pytest.raises(ValueError, match="reset_cache"):
        fast_cached.reset_cache()
        fast_cached(torch.zeros(1, 17, dtype=torch.long), use_cache=True)


def test_time_runs_warms_up_once_then_times_each_repeat(ch08):
    calls, cpu = [], torch.device("cpu")
    seconds = ch08.time_runs(lambda: calls.append("medida"), 4, cpu, warmup=lambda: calls.append("aquece"))
    assert calls == ["aquece"] + ["medida"] * 4 and len(seconds) == 4 and all(s >= 0 for s in seconds)
    calls.clear()
    ch08.time_runs(lambda: calls.append("medida"), 3, cpu)  # sem warmup: uma chamada a mais
    assert calls == ["medida"] * 4


def test_rates_spread_and_comparison(ch08):
    rate = ch08.rates(100, [2.0, 1.0, 4.0])  # 50, 100 e 25 tokens/s
    assert rate == (50.0, 25.0, 100.0)
    assert ch08.spread(rate) == "25,0–100,0" and ch08.spread((3000, 2950.4, 3100.6), 0) == "2 950–3 101"
    assert ch08.compare((20, 18, 22), (10, 9, 11)) == "2,00×, mais rápido, além da variação"
    assert ch08.compare((10, 9, 11), (20, 18, 22)) == "0,50×, mais lento, além da variação"
    # As faixas se tocam: mesmo com a mediana 10 % maior, não dizemos qual é mais rápida.
    assert ch08.compare((11, 9, 12), (10, 8, 11)).endswith("indistinguível nesta execução (as faixas se tocam)")


def test_no_code_cell_over_60_lines_in_the_learners_path(root):
    # O que o aluno lê (tudo depois da Preparação) vem em células curtas, de uma ideia cada.
    cells = nbformat.read(root / NOTEBOOK, as_version=4).cells
    start = next(i for i, cell in enumerate(cells) if cell.source.startswith("## Configuração"))
    too_long = [cell.source.splitlines()[0] for cell in cells[start:]
                if cell.cell_type == "code" and len(cell.source.splitlines()) > 60]
    assert not too_long, f"células de código de mais de 60 linhas depois da Preparação: {too_long}"
