"""Capítulo 04: as peças do GPT e a prova de que o GPTModel é o GPT-2 do `transformers`."""

import blocos
import pytest
import tiktoken
import torch
import torch.nn.functional as F
from safetensors.torch import load_file
from transformers import GPT2Config, GPT2LMHeadModel

ch04 = blocos.load_blocks("04-gpt-do-zero/notebook.ipynb")
data = blocos.load_blocks("00-passo-zero/notebook.ipynb", "baixar_dados")

SMALL = {**ch04.GPT_CONFIG_124M, "context_length": 64, "emb_dim": 48, "n_heads": 4, "n_layers": 3}


def hf_gpt2(cfg, seed=0, **extra):
    torch.manual_seed(seed)
    config = GPT2Config(vocab_size=cfg["vocab_size"], n_positions=cfg["context_length"], n_embd=cfg["emb_dim"],
                        n_layer=cfg["n_layers"], n_head=cfg["n_heads"], **extra)
    model = GPT2LMHeadModel(config).eval()
    with torch.no_grad():  # vieses e escalas não triviais, para que cada peça faça diferença
        for name, parameter in model.named_parameters():
            if name.endswith("bias") or ".ln_" in name:
                parameter.add_(0.1 * torch.randn_like(parameter))
    return model


@pytest.fixture(scope="module")
def portuguese_ids():
    text = data.download_file("dom_casmurro.txt").read_text(encoding="utf-8")
    ids = tiktoken.get_encoding("gpt2").encode(text[20_000:30_000])
    return torch.tensor([ids[:60], ids[100:160]])  # um lote de 2 trechos reais de 60 tokens


def max_logit_difference(ours, hf, ids, dtype=torch.float32):
    ours, hf = ours.to(dtype).eval(), hf.to(dtype).eval()
    with torch.no_grad():
        return (ours(ids) - hf(ids).logits).abs().max().item()


def hub_layout(hf):
    """O formato do model.safetensors do hub: sem prefixo, sem lm_head, com os buffers antigos de máscara."""
    weights = {k.removeprefix("transformer."): v for k, v in hf.state_dict().items() if k != "lm_head.weight"}
    n = hf.config.n_positions
    for b in range(hf.config.n_layer):
        weights[f"h.{b}.attn.bias"] = torch.tril(torch.ones(n, n)).view(1, 1, n, n)
        weights[f"h.{b}.attn.masked_bias"] = torch.tensor(-1e4)
    return weights


# --- peças -----------------------------------------------------------------------------------------------------


def test_config_has_exactly_the_gpt2_keys():
    assert set(ch04.GPT_CONFIG_124M) == {"vocab_size", "context_length", "emb_dim", "n_heads", "n_layers",
                                         "drop_rate", "qkv_bias"}


def test_layer_norm_equals_pytorch():
    torch.manual_seed(0)
    ours, reference = ch04.LayerNorm(32), torch.nn.LayerNorm(32, eps=1e-5)
    with torch.no_grad():
        ours.scale.copy_(torch.randn(32))
        ours.shift.copy_(torch.randn(32))
        reference.weight.copy_(ours.scale)
        reference.bias.copy_(ours.shift)
    x = torch.randn(3, 7, 32) * 5 + 2
    assert torch.allclose(ours(x), reference(x), atol=1e-5)


def test_gelu_is_the_tanh_approximation():
    x = torch.linspace(-6, 6, 1001)
    assert torch.allclose(ch04.GELU()(x), F.gelu(x, approximate="tanh"), atol=1e-6)
    assert (ch04.GELU()(x) - F.gelu(x)).abs().max() > 1e-4  # e não a exata


def test_feed_forward_expands_four_times():
    ff = ch04.FeedForward(SMALL)
    assert [tuple(layer.weight.shape) for layer in ff.layers[::2]] == [(192, 48), (48, 192)]
    assert ff(torch.randn(2, 5, 48)).shape == (2, 5, 48)


def test_parameter_counts_for_124m():
    torch.manual_seed(0)
    model = ch04.GPTModel(ch04.GPT_CONFIG_124M)
    total = sum(p.numel() for p in model.parameters())
    assert total == 163_037_184
    assert total - model.out_head.weight.numel() == 124_439_808  # o número oficial do GPT-2 pequeno


def test_gpt_is_causal_and_rejects_bad_lengths():
    torch.manual_seed(0)
    model = ch04.GPTModel(SMALL).eval()
    ids = torch.randint(0, SMALL["vocab_size"], (2, 20))
    changed = ids.clone()
    changed[:, 15:] = torch.randint(0, SMALL["vocab_size"], (2, 5))
    with torch.no_grad():
        assert torch.allclose(model(ids)[:, :15], model(changed)[:, :15], atol=1e-5)
    with pytest.raises(ValueError, match="A entrada tem 65 tokens, mas o modelo enxerga no máximo 64"):
        model(torch.zeros(1, 65, dtype=torch.long))
    with pytest.raises(ValueError, match="A entrada está vazia"):
        model(torch.zeros(1, 0, dtype=torch.long))


def test_generate_text_simple_is_greedy_and_crops_the_context():
    torch.manual_seed(0)
    model = ch04.GPTModel(SMALL).eval()
    prompt = torch.randint(0, SMALL["vocab_size"], (2, 70))  # maior que o contexto de 64
    out = ch04.generate_text_simple(model, prompt, max_new_tokens=4, context_size=8)
    assert out.shape == (2, 74) and torch.equal(out[:, :70], prompt)
    idx = prompt
    for _ in range(4):  # o mesmo laço, à mão, só com os últimos 8 tokens
        with torch.no_grad():
            next_id = model(idx[:, -8:])[:, -1].argmax(dim=-1, keepdim=True)
        idx = torch.cat([idx, next_id], dim=1)
    assert torch.equal(out, idx)
    assert torch.equal(ch04.generate_text_simple(model, prompt, 0, 8), prompt)
    with pytest.raises(ValueError, match="O prompt está vazio"):
        ch04.generate_text_simple(model, torch.zeros(1, 0, dtype=torch.long), 3, 8)
    with pytest.raises(ValueError, match="max_new_tokens precisa ser ≥ 0"):
        ch04.generate_text_simple(model, prompt, -1, 8)


# --- a prova ---------------------------------------------------------------------------------------------------


def test_logits_equal_transformers_gpt2_from_its_state_dict(portuguese_ids):
    hf = hf_gpt2(SMALL)
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), hf.state_dict())
    assert max_logit_difference(ours, hf, portuguese_ids) < 1e-4
    assert max_logit_difference(ours, hf, portuguese_ids, torch.float64) < 1e-10


def test_logits_equal_from_the_hub_safetensors_file(portuguese_ids, tmp_path):
    hf = hf_gpt2(SMALL, seed=1)
    hf.transformer.save_pretrained(tmp_path)  # o formato do model.safetensors do hub
    state_dict = load_file(tmp_path / "model.safetensors")
    assert "wte.weight" in state_dict and "lm_head.weight" not in state_dict
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), state_dict)
    assert max_logit_difference(ours, hf, portuguese_ids) < 1e-4


def test_old_hub_buffers_are_ignored(portuguese_ids):
    hf = hf_gpt2(SMALL, seed=2)
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), hub_layout(hf))
    assert max_logit_difference(ours, hf, portuguese_ids, torch.float64) < 1e-10


def test_untied_output_head_is_taken_from_lm_head(portuguese_ids):
    hf = hf_gpt2(SMALL, seed=3, tie_word_embeddings=False)
    assert not torch.equal(hf.lm_head.weight, hf.transformer.wte.weight)
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), hf.state_dict())
    assert max_logit_difference(ours, hf, portuguese_ids, torch.float64) < 1e-10


def attention_with_scale(factor):
    """O forward da MultiHeadAttention com o divisor das pontuações multiplicado por `factor` (só isso muda)."""
    def forward(self, x, return_weights=False):
        batch, num_tokens, _ = x.shape
        queries, keys, values = (self.split_heads(layer(x)) for layer in (self.W_query, self.W_key, self.W_value))
        scores = queries @ keys.transpose(2, 3) / (self.head_dim**0.5 * factor)
        scores = scores.masked_fill(self.mask[:num_tokens, :num_tokens], float("-inf"))
        weights = self.dropout(torch.softmax(scores, dim=-1))
        context = (weights @ values).transpose(1, 2).contiguous().view(batch, num_tokens, self.d_out)
        return self.out_proj(context)
    return forward


def test_the_attention_replica_changes_nothing_but_the_scale(portuguese_ids, monkeypatch):
    """Com fator 1, a cópia do forward usada na mutação abaixo dá os mesmos logits: a mutação muda só a escala."""
    hf = hf_gpt2(SMALL, seed=4)
    monkeypatch.setattr(ch04.MultiHeadAttention, "forward", attention_with_scale(1.0))
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), hf.state_dict())
    assert max_logit_difference(ours, hf, portuguese_ids, torch.float64) < 1e-10


@pytest.mark.parametrize("mutation", ["gelu exata", "eps 1e-6", "pós-LayerNorm", "outra escala na atenção",
                                      "sem viés em Q, K e V"])
def test_the_proof_would_catch_a_design_difference(mutation, portuguese_ids, monkeypatch):
    """Se o nosso bloco diferisse do GPT-2 em qualquer detalhe, a comparação em float64 acusaria."""
    hf = hf_gpt2(SMALL, seed=4)
    if mutation == "gelu exata":
        monkeypatch.setattr(ch04.GELU, "forward", lambda self, x: F.gelu(x))
    elif mutation == "eps 1e-6":
        monkeypatch.setattr(ch04.LayerNorm.__init__, "__defaults__", (1e-6,))
    elif mutation == "pós-LayerNorm":
        def post_norm(self, x):
            x = self.norm1(x + self.drop_shortcut(self.att(x)))
            return self.norm2(x + self.drop_shortcut(self.ff(x)))
        monkeypatch.setattr(ch04.TransformerBlock, "forward", post_norm)
    elif mutation == "outra escala na atenção":  # divide as pontuações por 1,01·√head_dim; q, k e v intactos
        monkeypatch.setattr(ch04.MultiHeadAttention, "forward", attention_with_scale(1.01))
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), hf.state_dict())
    if mutation == "sem viés em Q, K e V":
        for block in ours.trf_blocks:
            for linear in (block.att.W_query, block.att.W_key, block.att.W_value):
                linear.bias = None
    assert max_logit_difference(ours, hf, portuguese_ids, torch.float64) > 1e-7


def test_a_model_without_qkv_bias_cannot_take_gpt2_weights():
    hf = hf_gpt2(SMALL)
    with pytest.raises(ValueError, match="crie o modelo com qkv_bias=True"):
        ch04.load_weights_into_gpt(ch04.GPTModel({**SMALL, "qkv_bias": False}), hf.state_dict())


@pytest.mark.parametrize("change, message", [
    ({"n_layers": 2}, "o arquivo tem 3 blocos e o modelo, 2"),
    ({"n_layers": 4}, "o arquivo tem 3 blocos e o modelo, 4"),
    ({"emb_dim": 64}, "Formato diferente em wte.weight"),
    ({"context_length": 128}, "Formato diferente em wpe.weight"),
    ({"vocab_size": 50_000}, "Formato diferente em wte.weight"),
])
def test_configuration_mismatch_is_a_clear_error(change, message):
    hf = hf_gpt2(SMALL)
    with pytest.raises(ValueError, match=message):
        ch04.load_weights_into_gpt(ch04.GPTModel({**SMALL, **change}), hf.state_dict())


def test_a_file_that_is_not_gpt2_is_a_clear_error():
    weights = dict(hf_gpt2(SMALL).state_dict())
    del weights["transformer.h.1.mlp.c_fc.bias"]
    weights["transformer.h.1.mlp.extra.weight"] = torch.zeros(1)
    with pytest.raises(ValueError, match="este arquivo é mesmo de um GPT-2\\?.*h.1.mlp.c_fc.bias.*h.1.mlp.extra"):
        ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), weights)


def test_the_name_tables_cover_every_parameter_once():
    """As tabelas GPT2_MODEL_NAMES e GPT2_BLOCK_NAMES levam a todos os parâmetros do GPTModel (menos out_head)."""
    model = ch04.GPTModel(SMALL)
    targets = list(ch04.GPT2_MODEL_NAMES.values())
    for b in range(SMALL["n_layers"]):
        for names in ch04.GPT2_BLOCK_NAMES.values():
            targets += [f"trf_blocks.{b}.{name}" for name in (names if isinstance(names, tuple) else (names,))]
    assert sorted(targets) == sorted(name for name, _ in model.named_parameters() if name != "out_head.weight")
    assert ch04.GPT2_CONV1D <= set(ch04.GPT2_BLOCK_NAMES)


def test_a_c_attn_of_the_wrong_width_is_a_clear_error():
    weights = dict(hf_gpt2(SMALL).state_dict())
    weights["transformer.h.1.attn.c_attn.weight"] = weights["transformer.h.1.attn.c_attn.weight"][:, :96]
    with pytest.raises(ValueError, match="Formato diferente em h.1.attn.c_attn.weight"):
        ch04.load_weights_into_gpt(ch04.GPTModel(SMALL), weights)
