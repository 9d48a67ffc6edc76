"""Capítulo 08: LoRA (adaptação de baixo posto) — camada, troca das nn.Linear, congelamento e fusão."""

import copy
import math

import blocos
import pytest
import torch
from torch import nn

NOTEBOOK = "08-extras/notebook.ipynb"
TINY = {"vocab_size": 300, "context_length": 16, "emb_dim": 32, "n_heads": 4, "n_layers": 2, "drop_rate": 0.0,
        "qkv_bias": False}
RANK, ALPHA = 4, 8


@pytest.fixture(scope="module")
def ch08():
    return blocos.load_blocks(NOTEBOOK, "lora", "lora_no_modelo", "gpt_moderno", "modelo_gpt", "classificador",
                              "inicializacao_gpt2", "perda", "otimizador")


@pytest.fixture
def classifier(ch08):
    """Um GPT pequeno com a cabeça de classificação do capítulo 06, tudo congelado menos a cabeça."""
    torch.manual_seed(0)
    model = ch08.make_classifier(ch08.init_gpt2_weights(ch08.GPTModel(TINY)), num_classes=2)
    for parameter in model.parameters():
        parameter.requires_grad = False
    return model.eval()


def tokens(n=3, length=10):
    return torch.randint(0, TINY["vocab_size"], (n, length), generator=torch.Generator().manual_seed(1))


def wrapped_layers(ch08, model):
    return [m for m in model.modules() if isinstance(m, ch08.LinearWithLoRA)]


def randomize_b(ch08, model):
    torch.manual_seed(2)
    with torch.no_grad():
        for layer in wrapped_layers(ch08, model):
            layer.lora.B.normal_(std=0.1)


def test_lora_layer_starts_at_zero_with_a_drawn_like_a_linear(ch08):
    torch.manual_seed(0)
    layer = ch08.LoRALayer(64, 10, rank=4, alpha=8)
    assert layer.A.shape == (64, 4) and layer.B.shape == (4, 10)
    assert torch.equal(layer.B, torch.zeros(4, 10))
    bound = 1 / math.sqrt(64)  # Kaiming uniforme com a=√5 e fan_in = in_dim, como um nn.Linear(64, 4)
    assert layer.A.abs().max() <= bound and layer.A.abs().max() > 0.8 * bound
    x = torch.randn(5, 64)
    assert torch.equal(layer(x), torch.zeros(5, 10))
    with torch.no_grad():
        layer.B.normal_()
    assert torch.allclose(layer(x), 2.0 * x @ layer.A @ layer.B)  # alpha / rank = 8 / 4


def test_bad_rank_raises(ch08, classifier):
    for rank in (0, -1):
        with pytest.raises(ValueError, match="rank precisa ser pelo menos 1"):
            ch08.LoRALayer(8, 8, rank=rank, alpha=1)
        with pytest.raises(ValueError, match="rank"):
            ch08.add_lora(classifier, rank=rank, alpha=1)


def test_lora_model_starts_exactly_equal_to_the_base(ch08, classifier):
    base = copy.deepcopy(classifier)
    model = ch08.add_lora(classifier, RANK, ALPHA)
    assert len(wrapped_layers(ch08, model)) == TINY["n_layers"] * 6  # Q, K, V, out_proj e as 2 da feed-forward
    x = tokens()
    with torch.no_grad():
        assert torch.equal(model(x), base(x))


def test_only_a_and_b_train_besides_the_head_the_caller_unfreezes(ch08, classifier):
    model = ch08.add_lora(classifier, RANK, ALPHA)
    assert type(model.out_head) is nn.Linear  # skip=("out_head",): a cabeça fica inteira
    wrapped = wrapped_layers(ch08, model)
    lora = sum(RANK * (m.linear.in_features + m.linear.out_features) for m in wrapped)
    assert ch08.count_parameters(model, trainable_only=True) == lora
    for parameter in model.out_head.parameters():
        parameter.requires_grad = True
    head = TINY["emb_dim"] * 2 + 2
    assert ch08.count_parameters(model, trainable_only=True) == lora + head
    trainable = {name for name, p in model.named_parameters() if p.requires_grad}
    assert trainable == {n for n, _ in model.named_parameters() if n.endswith((".lora.A", ".lora.B"))} | {
        "out_head.weight", "out_head.bias"}
    # O que não é uma nn.Linear trocada fica como o chamador deixou (make_classifier: só o fim treina).
    other = ch08.make_classifier(ch08.GPTModel(TINY), trainable="last_block")
    ch08.add_lora(other, RANK, ALPHA)
    assert other.final_norm.scale.requires_grad and other.trf_blocks[-1].norm1.scale.requires_grad
    assert not other.tok_emb.weight.requires_grad
    assert not other.trf_blocks[-1].att.W_query.linear.weight.requires_grad


def test_add_lora_twice_does_not_wrap_a_wrapped_layer(ch08, classifier):
    model = ch08.add_lora(ch08.add_lora(classifier, RANK, ALPHA), RANK, ALPHA)
    assert len(wrapped_layers(ch08, model)) == TINY["n_layers"] * 6
    assert all(type(m.linear) is nn.Linear for m in wrapped_layers(ch08, model))


def test_merged_equals_unmerged_and_merge_lora_leaves_plain_linears(ch08, classifier):
    base = copy.deepcopy(classifier)
    model = ch08.add_lora(classifier, RANK, ALPHA)
    randomize_b(ch08, model)
    x = tokens()
    with torch.no_grad():
        unmerged = model(x)
        assert not torch.allclose(unmerged, base(x), atol=1e-3)  # B ≠ 0: o LoRA mudou o modelo
        layer = wrapped_layers(ch08, model)[0]
        h = torch.randn(4, layer.linear.in_features)
        merged_layer = layer.merged()
        assert type(merged_layer) is nn.Linear
        assert torch.allclose(merged_layer(h), layer(h), atol=1e-5)
        merged = ch08.merge_lora(model)
        assert not wrapped_layers(ch08, merged)
        assert torch.allclose(merged(x), unmerged, atol=1e-5)
        assert merged.trf_blocks[0].att.out_proj.bias is not None  # o viés veio junto na fusão


def test_merged_keeps_the_bias_and_changes_the_weight(ch08):
    torch.manual_seed(0)
    linear = nn.Linear(6, 5)
    wrapper = ch08.LinearWithLoRA(copy.deepcopy(linear), rank=2, alpha=4)
    with torch.no_grad():
        wrapper.lora.B.normal_()
    merged = wrapper.merged()
    assert torch.equal(merged.bias, linear.bias)
    expected = linear.weight + 2.0 * (wrapper.lora.A @ wrapper.lora.B).T
    assert torch.allclose(merged.weight, expected)
    assert not torch.allclose(merged.weight, linear.weight)


def test_optimizer_steps_change_only_a_and_b(ch08, classifier):
    model = ch08.add_lora(classifier, RANK, ALPHA).train()
    frozen = {name: p.detach().clone() for name, p in model.named_parameters() if not p.requires_grad}
    lora_before = {name: p.detach().clone() for name, p in model.named_parameters() if p.requires_grad}
    assert frozen and lora_before
    optimizer = ch08.make_optimizer(model, peak_lr=1e-2, weight_decay=0.1)
    x, labels = tokens(4), torch.tensor([0, 1, 0, 1])
    for _ in range(3):
        loss = nn.functional.cross_entropy(model(x)[:, -1, :], labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    after = dict(model.named_parameters())
    assert all(torch.equal(after[name], value) for name, value in frozen.items())
    assert all(not torch.equal(after[name], value) for name, value in lora_before.items())


def test_lora_also_wraps_the_modern_gpt(ch08):
    cfg = {"vocab_size": 50, "context_length": 8, "emb_dim": 16, "n_heads": 4, "n_kv_groups": 2, "n_layers": 2,
           "hidden_dim": 24, "drop_rate": 0.0}
    torch.manual_seed(0)
    base = ch08.ModernGPT(cfg).eval()
    model = ch08.add_lora(copy.deepcopy(base), RANK, ALPHA)
    assert len(wrapped_layers(ch08, model)) == cfg["n_layers"] * 7  # Q, K, V, out_proj e W1, W2, W3
    x = torch.randint(0, 50, (2, 8))
    with torch.no_grad():
        assert torch.equal(model(x), base(x))
        randomize_b(ch08, model)
        unmerged = model(x)
        assert not torch.allclose(unmerged, base(x), atol=1e-3)
        assert torch.allclose(ch08.merge_lora(model)(x), unmerged, atol=1e-5)
