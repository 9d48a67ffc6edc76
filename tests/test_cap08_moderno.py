"""Capítulo 08: o GPT moderno — RMSNorm, RoPE, atenção com consultas agrupadas (GQA), SwiGLU e ModernGPT — e a
prova de que ele é igual ao LlamaForCausalLM do transformers."""

import blocos
import pytest
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NOTEBOOK = "08-extras/notebook.ipynb"
TINY = {"vocab_size": 64, "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_kv_groups": 2, "n_layers": 2,
        "hidden_dim": 48, "drop_rate": 0.0}


@pytest.fixture(scope="module")
def ch08():
    return blocos.load_blocks(NOTEBOOK, "gpt_moderno", "config_moderna", "pesos_llama", "atencao_multicabeca",
                              "receita_do_curso", "classificador", "inicializacao_gpt2", "treino", "perda",
                              "otimizador", "precisao", "gerar")


def gqa(ch08, num_kv_groups, d=32, num_heads=4, context_length=12):
    return ch08.GroupedQueryAttention(d, d, num_heads, num_kv_groups, context_length, dropout=0.0).eval()


def test_rmsnorm_matches_a_hand_computation(ch08):
    norm = ch08.RMSNorm(2, eps=0.0)
    with torch.no_grad():
        norm.scale.copy_(torch.tensor([2.0, 1.0]))
    rms = (12.5) ** 0.5  # √((3² + 4²) / 2)
    assert torch.allclose(norm(torch.tensor([[3.0, 4.0]])), torch.tensor([[2 * 3 / rms, 4 / rms]]))
    # Sem subtrair a média: um vetor constante vira 1 (a LayerNorm daria 0), e não há deslocamento.
    assert torch.allclose(ch08.RMSNorm(3)(torch.full((1, 3), 5.0)), torch.ones(1, 3), atol=1e-5)
    assert [name for name, _ in ch08.RMSNorm(3).named_parameters()] == ["scale"]


def test_rope_tables_and_rotation_keep_norms(ch08):
    cos, sin = ch08.rope_tables(8, 10)
    assert cos.shape == sin.shape == (10, 8)
    assert torch.allclose(cos[0], torch.ones(8)) and torch.allclose(sin[0], torch.zeros(8))  # posição 0: não gira
    assert torch.allclose(cos**2 + sin**2, torch.ones(10, 8))
    torch.manual_seed(0)
    x = torch.randn(2, 3, 10, 8)
    rotated = ch08.apply_rope(x, cos, sin)
    assert rotated.shape == x.shape and not torch.allclose(rotated[:, :, 1:], x[:, :, 1:])
    assert torch.allclose(rotated.norm(dim=-1), x.norm(dim=-1), atol=1e-5)
    assert torch.equal(ch08.apply_rope(x[:, :, :4], cos, sin), rotated[:, :, :4])  # usa só as primeiras posições
    with pytest.raises(ValueError, match="par"):
        ch08.rope_tables(7, 10)


def test_rope_dot_product_depends_only_on_the_distance(ch08):
    torch.manual_seed(0)
    head_dim, length = 16, 20
    cos, sin = ch08.rope_tables(head_dim, length)
    q, k = torch.randn(head_dim), torch.randn(head_dim)
    # O mesmo q e o mesmo k em todas as posições; depois de girados, cada posição tem o seu ângulo.
    rq = ch08.apply_rope(q.expand(1, 1, length, head_dim), cos, sin)[0, 0]
    rk = ch08.apply_rope(k.expand(1, 1, length, head_dim), cos, sin)[0, 0]
    for m, n, shift in [(3, 1, 5), (2, 7, 10), (0, 0, 13), (9, 4, 6)]:
        assert torch.allclose(rq[m] @ rk[n], rq[m + shift] @ rk[n + shift], atol=1e-4)
    assert not torch.allclose(rq[3] @ rk[1], rq[3] @ rk[2], atol=1e-2)  # outra distância, outro produto


def test_gqa_shares_keys_and_values_like_repeated_weights(ch08):
    torch.manual_seed(0)
    grouped, full = gqa(ch08, num_kv_groups=2), gqa(ch08, num_kv_groups=4)
    assert grouped.W_key.weight.shape == (2 * 8, 32) and full.W_key.weight.shape == (4 * 8, 32)
    with torch.no_grad():
        full.W_query.weight.copy_(grouped.W_query.weight)
        full.out_proj.weight.copy_(grouped.out_proj.weight)
        for name in ("W_key", "W_value"):  # cada grupo de 8 linhas (uma cabeça) repetido para as 2 cabeças do grupo
            shared = getattr(grouped, name).weight.view(2, 8, 32)
            getattr(full, name).weight.copy_(shared.repeat_interleave(2, dim=0).reshape(32, 32))
    x = torch.randn(2, 12, 32)
    assert torch.allclose(grouped(x), full(x), atol=1e-5)


def test_gqa_without_rotation_is_the_chapter_03_attention(ch08):
    torch.manual_seed(0)
    attention = gqa(ch08, num_kv_groups=4)
    with torch.no_grad():
        attention.cos.fill_(1.0)  # cos = 1, sin = 0: a RoPE não gira nada
        attention.sin.zero_()
    mha = ch08.MultiHeadAttention(32, 32, context_length=12, dropout=0.0, num_heads=4).eval()
    with torch.no_grad():
        for name in ("W_query", "W_key", "W_value", "out_proj"):
            getattr(mha, name).weight.copy_(getattr(attention, name).weight)
        mha.out_proj.bias.zero_()
    x = torch.randn(2, 12, 32)
    assert torch.allclose(attention(x), mha(x), atol=1e-5)


def test_gqa_is_causal_and_checks_its_arguments(ch08):
    torch.manual_seed(0)
    attention = gqa(ch08, num_kv_groups=2)
    x = torch.randn(1, 10, 32)
    changed = x.clone()
    changed[0, 6] += 1.0
    out, out_changed = attention(x), attention(changed)
    assert torch.allclose(out[0, :6], out_changed[0, :6], atol=1e-6)  # o passado não vê o futuro
    assert not torch.allclose(out[0, 6:], out_changed[0, 6:], atol=1e-3)
    with pytest.raises(ValueError, match="num_kv_groups"):
        gqa(ch08, num_kv_groups=3)
    with pytest.raises(ValueError, match="context_length"):
        attention(torch.randn(1, 13, 32))


def test_modern_gpt_shapes_no_biases_no_position_table(ch08):
    torch.manual_seed(0)
    model = ch08.ModernGPT(TINY).eval()
    idx = torch.randint(0, 64, (3, 16))
    assert model(idx).shape == (3, 16, 64)
    assert model(idx[:, :5]).shape == (3, 5, 64)
    assert all(m.bias is None for m in model.modules() if isinstance(m, nn.Linear))
    assert not any(isinstance(m, (nn.LayerNorm, ch08.LayerNorm)) for m in model.modules())
    assert [m for m in model.modules() if isinstance(m, nn.Embedding)] == [model.tok_emb]
    with pytest.raises(ValueError, match="vazia"):
        model(idx[:, :0])
    with pytest.raises(ValueError, match="context_length"):
        model(torch.randint(0, 64, (1, 17)))
    assert ch08.generate(model, idx[:1, :3], 4, context_size=16).shape == (1, 7)


def test_chapter_05_init_applies_to_the_modern_gpt(ch08):
    torch.manual_seed(0)
    model = ch08.init_gpt2_weights(ch08.ModernGPT({**TINY, "emb_dim": 64, "hidden_dim": 128}))
    block = model.trf_blocks[0]
    residual_std = 0.02 / (2 * TINY["n_layers"]) ** 0.5
    assert abs(block.att.out_proj.weight.std().item() - residual_std) < 0.002
    assert abs(block.ff.down.weight.std().item() - residual_std) < 0.002
    assert abs(block.ff.gate.weight.std().item() - 0.02) < 0.002
    assert torch.equal(block.norm1.scale, torch.ones(64))


def test_bf16_autocast_on_cpu_forward_and_backward(ch08):
    torch.manual_seed(0)
    model = ch08.ModernGPT(TINY)
    idx = torch.randint(0, 64, (2, 16))
    with torch.autocast("cpu", dtype=torch.bfloat16):
        logits = model(idx)
        loss = ch08.calc_loss_batch(idx, idx, model, torch.device("cpu"))
    assert logits.dtype == torch.bfloat16
    loss.backward()
    assert all(p.grad is not None and torch.isfinite(p.grad).all() for p in model.parameters())


def test_training_with_the_chapter_05_loop_reduces_the_loss(ch08):
    torch.manual_seed(0)
    pattern = torch.arange(17) * 5 % 64  # uma sequência que se repete: fácil de aprender
    windows = torch.stack([torch.roll(pattern, -i) for i in range(16)])
    loader = DataLoader(TensorDataset(windows[:, :-1], windows[:, 1:]), batch_size=8, shuffle=True)
    model = ch08.init_gpt2_weights(ch08.ModernGPT(TINY))
    device = torch.device("cpu")
    before = ch08.calc_loss_loader(loader, model, device)
    optimizer = ch08.make_optimizer(model, peak_lr=1e-2, weight_decay=0.1)
    history = ch08.train_model(model, loader, loader, optimizer, device, max_steps=12, peak_lr=1e-2,
                               warmup_steps=2, eval_every=6, eval_batches=2)
    after = ch08.calc_loss_loader(loader, model, device)
    assert history["train_loss"][-1] < history["train_loss"][0] and after < 0.7 * before


def test_modern_config_matches_the_course_gpt_parameter_count(ch08):
    recipe = ch08.COURSE_RECIPE
    config = ch08.modern_config(recipe, 2048)
    for key in ("context_length", "emb_dim", "n_heads", "n_layers", "drop_rate"):
        assert config[key] == recipe[key]
    assert config["n_kv_groups"] == recipe["n_heads"] // 2 and config["hidden_dim"] % 8 == 0
    gpt = ch08.count_parameters(ch08.GPTModel(ch08.model_config(recipe, 2048)))
    modern = ch08.count_parameters(ch08.ModernGPT(config))
    assert abs(modern - gpt) / gpt < 0.03
    fast = ch08.modern_config(ch08.FAST_RECIPE, 512)
    fast_gpt = ch08.count_parameters(ch08.GPTModel(ch08.model_config(ch08.FAST_RECIPE, 512)))
    assert abs(ch08.count_parameters(ch08.ModernGPT(fast)) - fast_gpt) / fast_gpt < 0.03


# --- Igual ao Llama do transformers -------------------------------------------------------------------------------
LLAMA_TINY = {**TINY, "vocab_size": 96, "context_length": 24, "n_layers": 3}


def random_llama(seed=0, perturb=True):
    """Um LlamaForCausalLM pequeno de pesos sorteados, com a configuração de LLAMA_TINY (sem baixar nada)."""
    transformers = pytest.importorskip("transformers")
    cfg = LLAMA_TINY
    config = transformers.LlamaConfig(
        vocab_size=cfg["vocab_size"], max_position_embeddings=cfg["context_length"], hidden_size=cfg["emb_dim"],
        num_attention_heads=cfg["n_heads"], num_key_value_heads=cfg["n_kv_groups"], num_hidden_layers=cfg["n_layers"],
        intermediate_size=cfg["hidden_dim"], rms_norm_eps=1e-6, tie_word_embeddings=False, attn_implementation="sdpa")
    torch.manual_seed(seed)
    llama = transformers.LlamaForCausalLM(config).eval()
    if perturb:  # as escalas das RMSNorm nascem em 1: sorteadas, um erro nelas aparece
        with torch.no_grad():
            for name, weight in llama.named_parameters():
                if "norm" in name:
                    weight.uniform_(0.5, 1.5)
    return llama


def llama_logits64(llama, ids):
    """Os logits do Llama em float64, com a LlamaRMSNorm na precisão da entrada (ela força float32)."""
    reference = random_llama(perturb=False)
    reference.load_state_dict(llama.state_dict())
    for module in reference.modules():
        if type(module).__name__.endswith("RMSNorm"):
            module.forward = (lambda norm: lambda h: norm.weight * (
                h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + norm.variance_epsilon)))(module)
    with torch.no_grad():
        return reference.double()(ids).logits


def ours_logits64(ch08, state_dict, ids, change=None):
    model = ch08.load_llama_weights(ch08.ModernGPT(LLAMA_TINY), state_dict)
    if change is not None:
        change(model)
    with torch.no_grad():
        return model.double().eval()(ids)


def test_modern_gpt_equals_llama_in_float32_and_float64(ch08):
    llama = random_llama()
    ids = torch.randint(0, LLAMA_TINY["vocab_size"], (2, LLAMA_TINY["context_length"]))
    ours = ch08.load_llama_weights(ch08.ModernGPT(LLAMA_TINY), llama.state_dict()).eval()
    with torch.no_grad():
        assert (ours(ids) - llama(ids).logits).abs().max() < 1e-5
        assert (ours(ids[:, :5]) - llama(ids[:, :5]).logits).abs().max() < 1e-5  # sequências curtas também
    assert (ours_logits64(ch08, llama.state_dict(), ids) - llama_logits64(llama, ids)).abs().max() < 1e-12


def _interleaved_rope(model, ch08):
    class Interleaved(ch08.GroupedQueryAttention):
        def rotate(self, x):
            half, n = x.shape[-1] // 2, x.shape[-2]
            cos, sin = self.cos[:n, :half], self.sin[:n, :half]
            even, odd = x[..., 0::2], x[..., 1::2]
            return torch.stack([even * cos - odd * sin, even * sin + odd * cos], dim=-1).flatten(-2)

    for block in model.trf_blocks:
        block.att.__class__ = Interleaved


def _eps_outside_the_root(model, ch08):
    class EpsOutside(ch08.RMSNorm):
        def forward(self, x):
            return self.scale * x / (x.pow(2).mean(dim=-1, keepdim=True).sqrt() + self.eps)

    for block in model.trf_blocks:
        block.norm1.__class__ = block.norm2.__class__ = EpsOutside


def _no_silu(model, ch08):
    class NoSiLU(ch08.SwiGLU):
        def forward(self, x):
            return self.down(self.gate(x) * self.up(x))

    for block in model.trf_blocks:
        block.ff.__class__ = NoSiLU


def _tiled_kv_heads(model, ch08):
    # repeat no lugar de repeat_interleave: a cabeça h usaria a chave h % grupos, não h // tamanho do grupo
    class Tiled(ch08.GroupedQueryAttention):
        def forward(self, x):
            batch, num_tokens, _ = x.shape
            queries = self.rotate(self.split_heads(self.W_query(x), self.num_heads))
            keys = self.rotate(self.split_heads(self.W_key(x), self.num_kv_groups))
            values = self.split_heads(self.W_value(x), self.num_kv_groups)
            repeats = self.num_heads // self.num_kv_groups
            keys, values = keys.repeat(1, repeats, 1, 1), values.repeat(1, repeats, 1, 1)
            context = torch.nn.functional.scaled_dot_product_attention(queries, keys, values, is_causal=True)
            return self.out_proj(context.transpose(1, 2).reshape(batch, num_tokens, self.d_out))

    for block in model.trf_blocks:
        block.att.__class__ = Tiled


def _swapped_norms(model, ch08):
    for block in model.trf_blocks:
        block.norm1, block.norm2 = block.norm2, block.norm1


@pytest.mark.parametrize("mistake", [_interleaved_rope, _eps_outside_the_root, _no_silu, _tiled_kv_heads,
                                     _swapped_norms])
def test_the_llama_comparison_catches_design_mistakes(ch08, mistake):
    llama = random_llama()
    ids = torch.randint(0, LLAMA_TINY["vocab_size"], (2, LLAMA_TINY["context_length"]))
    reference = llama_logits64(llama, ids)
    right = (ours_logits64(ch08, llama.state_dict(), ids) - reference).abs().max()
    wrong = (ours_logits64(ch08, llama.state_dict(), ids, lambda m: mistake(m, ch08)) - reference).abs().max()
    assert right < 1e-12 and wrong > 1e-8, (right, wrong)


def test_swapped_norms_are_invisible_without_perturbed_scales(ch08):
    # Por que a referência tem escalas sorteadas: com todas em 1, trocar norm1 e norm2 não muda nada.
    llama = random_llama(perturb=False)
    ids = torch.randint(0, LLAMA_TINY["vocab_size"], (1, 10))
    swapped = ours_logits64(ch08, llama.state_dict(), ids, lambda m: _swapped_norms(m, ch08))
    assert (swapped - llama_logits64(llama, ids)).abs().max() < 1e-12


def test_loading_llama_weights_is_strict(ch08):
    llama = random_llama()
    with pytest.raises(RuntimeError, match="size mismatch"):
        ch08.load_llama_weights(ch08.ModernGPT({**LLAMA_TINY, "hidden_dim": 64}), llama.state_dict())
    with pytest.raises(KeyError):  # um bloco a mais no nosso modelo: o Llama não tem os pesos dele
        ch08.load_llama_weights(ch08.ModernGPT({**LLAMA_TINY, "n_layers": 4}), llama.state_dict())
