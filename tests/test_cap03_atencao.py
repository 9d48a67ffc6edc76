"""Capítulo 03: todas as formulações da atenção dão o mesmo resultado, e o mesmo que o PyTorch."""

import blocos
import pytest
import torch
import torch.nn.functional as F

ch03 = blocos.load_blocks("03-atencao/notebook.ipynb", "autoatencao_v1", "autoatencao_v2", "atencao_causal",
                          "multicabeca_wrapper", "atencao_multicabeca")


def copy_wrapper_into_mha(wrapper, mha):
    """Empilha os pesos das cabeças do wrapper nas projeções da versão eficiente; out_proj vira identidade."""
    with torch.no_grad():
        for name in ["W_query", "W_key", "W_value"]:
            getattr(mha, name).weight.copy_(torch.cat([getattr(h, name).weight for h in wrapper.heads], dim=0))
        mha.out_proj.weight.copy_(torch.eye(mha.d_out))
        mha.out_proj.bias.zero_()


def sdpa_reference(mha, x):
    queries, keys, values = (mha.split_heads(W(x)) for W in (mha.W_query, mha.W_key, mha.W_value))
    context = F.scaled_dot_product_attention(queries, keys, values, is_causal=True)
    return mha.out_proj(context.transpose(1, 2).reshape(x.shape[0], x.shape[1], -1))


def test_simplified_attention_loop_equals_matrix_form():
    torch.manual_seed(0)
    inputs = torch.rand(6, 3)
    matrix = torch.softmax(inputs @ inputs.T, dim=-1) @ inputs
    for i, query in enumerate(inputs):
        weights = torch.softmax(torch.stack([query @ x for x in inputs]), dim=0)
        assert torch.allclose(sum(w * x for w, x in zip(weights, inputs)), matrix[i], atol=1e-6)


def test_v1_with_v2_weights_gives_the_same_output():
    torch.manual_seed(0)
    v1, v2 = ch03.SelfAttention_v1(4, 3), ch03.SelfAttention_v2(4, 3)
    with torch.no_grad():
        for name in ["W_query", "W_key", "W_value"]:
            getattr(v1, name).copy_(getattr(v2, name).weight.T)
    x = torch.randn(7, 4)
    assert torch.allclose(v1(x), v2(x), atol=1e-6)


def test_masking_after_softmax_equals_minus_infinity_before():
    torch.manual_seed(0)
    scores = torch.randn(6, 6)
    renormalized = torch.softmax(scores, dim=-1) * torch.tril(torch.ones(6, 6))
    renormalized = renormalized / renormalized.sum(dim=-1, keepdim=True)
    future = torch.triu(torch.ones(6, 6, dtype=torch.bool), diagonal=1)
    assert torch.allclose(torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1), renormalized, atol=1e-6)


@pytest.mark.parametrize("batch, tokens, d_model, heads", [
    (1, 1, 4, 1), (2, 5, 12, 3), (3, 16, 64, 8), (2, 40, 96, 12),
])
def test_weights_are_causal_and_rows_sum_to_one(batch, tokens, d_model, heads):
    torch.manual_seed(0)
    mha = ch03.MultiHeadAttention(d_model, d_model, context_length=64, dropout=0.3, num_heads=heads).eval()
    output, weights = mha(torch.randn(batch, tokens, d_model), return_weights=True)
    assert output.shape == (batch, tokens, d_model)
    assert weights.shape == (batch, heads, tokens, tokens)
    assert torch.all(weights.triu(diagonal=1) == 0)
    assert torch.allclose(weights.sum(dim=-1), torch.ones(batch, heads, tokens), atol=1e-6)


def test_future_tokens_do_not_change_past_outputs():
    torch.manual_seed(0)
    for module in [ch03.CausalAttention(8, 4, 10, 0.0), ch03.MultiHeadAttention(8, 8, 10, 0.0, num_heads=2)]:
        x = torch.randn(2, 10, 8)
        changed = x.clone()
        changed[:, 6:] = torch.randn(2, 4, 8) * 10
        assert torch.allclose(module(x)[:, :6], module(changed)[:, :6], atol=1e-6)
        assert not torch.allclose(module(x)[:, 6:], module(changed)[:, 6:])


def test_dropout_is_off_in_eval_and_on_in_train():
    torch.manual_seed(0)
    with_dropout = ch03.MultiHeadAttention(16, 16, 8, dropout=0.5, num_heads=4)
    without = ch03.MultiHeadAttention(16, 16, 8, dropout=0.0, num_heads=4)
    without.load_state_dict(with_dropout.state_dict())
    x = torch.randn(2, 8, 16)
    with_dropout.eval()
    assert torch.equal(with_dropout(x), with_dropout(x))
    assert torch.allclose(with_dropout(x), without(x))
    with_dropout.train()
    _, weights = with_dropout(x, return_weights=True)
    assert (weights == 0).float().mean() > 0.6  # o futuro (≈44%) + metade do resto zerada pelo dropout
    assert not torch.allclose(with_dropout(x), with_dropout(x))


@pytest.mark.parametrize("batch, tokens, d_model, heads", [(2, 5, 12, 3), (1, 9, 8, 1), (4, 33, 64, 8)])
def test_wrapper_equals_efficient_multi_head(batch, tokens, d_model, heads):
    torch.manual_seed(0)
    wrapper = ch03.MultiHeadAttentionWrapper(d_model, d_model // heads, tokens, 0.0, heads)
    mha = ch03.MultiHeadAttention(d_model, d_model, tokens, 0.0, heads)
    copy_wrapper_into_mha(wrapper, mha)
    x = torch.randn(batch, tokens, d_model)
    assert torch.allclose(wrapper(x), mha(x), atol=1e-5)


def test_single_causal_head_equals_one_head_mha():
    torch.manual_seed(0)
    head = ch03.CausalAttention(6, 6, 7, 0.0)
    mha = ch03.MultiHeadAttention(6, 6, 7, 0.0, num_heads=1)
    copy_wrapper_into_mha(type("W", (), {"heads": [head]})(), mha)
    x = torch.randn(3, 7, 6)
    assert torch.allclose(head(x), mha(x), atol=1e-6)


@pytest.mark.parametrize("batch, tokens, d_model, heads, bias", [
    (1, 1, 8, 2, False), (2, 5, 12, 3, True), (4, 64, 128, 8, False), (2, 128, 768, 12, True),
])
def test_equals_pytorch_scaled_dot_product_attention(batch, tokens, d_model, heads, bias):
    torch.manual_seed(0)
    mha = ch03.MultiHeadAttention(d_model, d_model, tokens, 0.0, heads, qkv_bias=bias).eval()
    x = torch.randn(batch, tokens, d_model)
    with torch.no_grad():
        assert (mha(x) - sdpa_reference(mha, x)).abs().max().item() < 1e-5


def test_d_out_not_divisible_by_heads_is_a_clear_error():
    with pytest.raises(ValueError, match=r"d_out \(10\) precisa ser divisível por num_heads \(3\)"):
        ch03.MultiHeadAttention(12, 10, 5, 0.0, num_heads=3)


def test_sequence_longer_than_the_context_is_a_clear_error():
    mha = ch03.MultiHeadAttention(8, 8, context_length=4, dropout=0.0, num_heads=2)
    with pytest.raises(ValueError, match="A sequência tem 5 tokens, mais que o context_length \\(4\\)"):
        mha(torch.randn(1, 5, 8))


def test_mask_is_a_buffer_outside_the_state_dict():
    mha = ch03.MultiHeadAttention(8, 8, context_length=4, dropout=0.0, num_heads=2)
    assert "mask" not in mha.state_dict()
    assert sum(p.numel() for p in mha.parameters()) == 4 * 8 * 8 + 8
