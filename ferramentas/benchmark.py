"""Benchmark: o nosso código contra a referência, medidos lado a lado na mesma execução.

Uso:
    python ferramentas/benchmark.py                    # GPT-2 124M, 1 × 256 tokens, CPU ou GPU
    python ferramentas/benchmark.py --tokens 1024 --lote 2 --repeticoes 5
    python ferramentas/benchmark.py --so geracao       # só os grupos pedidos: forward, geracao, treino

Compara, com os mesmos pesos e a mesma entrada:
- o GPTModel do capítulo 04 contra o GPT2LMHeadModel do `transformers` (passada para frente, sem gradientes);
- a MultiHeadAttention do capítulo 03 contra a mesma conta com F.scaled_dot_product_attention;
- a geração gulosa no GPT-2 124M (`--novos` tokens a partir de um prompt curto): o generate do capítulo 05, sem
  cache, o generate_cached do capítulo 08 (com o GPTModelKV e com o FastGPTModelKV, definido aqui) e o
  GPT2LMHeadModel.generate com use_cache=True, em tokens por segundo;
- um passo de treino inteiro (forward, perda, backward, AdamW), como o laço do capítulo 05, na configuração do
  modelo do curso e na do GPT-2 124M, em float32 e em precisão mista (bf16 onde o hardware tem; fp16 com o
  GradScaler na GPU sem bf16), com o mesmo lote, a mesma sequência e as mesmas threads (`--treino` escolhe
  quais), para o nosso GPTModel e para o FastGPTModel do capítulo 08 (as mesmas contas com as peças prontas do PyTorch).
Imprime tempos (mediana), a razão nosso/referência e a memória dos pesos (e o pico de memória na GPU).
Os números dependem da máquina: o que vale é a razão, medida na mesma execução. Não é um teste.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from blocos import load_blocks  # noqa: E402
from numeros import decimal  # noqa: E402

GROUPS = ["forward", "geracao", "treino"]
NOTEBOOK_08 = "08-extras/notebook.ipynb"

# O FastGPTModel do capítulo 08 com cache de chaves e valores: a versão rápida do GPTModelKV, que só o benchmark
# usa (para comparar com o cache do transformers). Fica aqui, fora do notebook; as classes de base vêm de lá.
_FAST = load_blocks(NOTEBOOK_08, "gpt_rapido")


class FastCausalAttentionKV(_FAST.FastCausalAttention):
    """A atenção rápida com cache de chaves e valores, para o generate_cached (mesmos parâmetros)."""

    def __init__(self, cfg):
        super().__init__(cfg)
        self.reset_cache()

    def reset_cache(self):
        self.cache_k = self.cache_v = None

    def forward(self, x, use_cache=False):
        if not use_cache:
            return super().forward(x)
        batch, num_tokens, emb_dim = x.shape
        queries, keys, values = self.qkv(x).view(batch, num_tokens, 3, self.num_heads, -1).permute(2, 0, 3, 1, 4)
        if self.cache_k is not None:
            keys = torch.cat([self.cache_k, keys], dim=2)
            values = torch.cat([self.cache_v, values], dim=2)
        self.cache_k, self.cache_v = keys, values
        if num_tokens == 1:  # um token novo enxerga todo o cache: não precisa de máscara
            context = F.scaled_dot_product_attention(queries, keys, values)
        else:  # vários tokens novos (o prompt): causal, deslocada pelo que o cache já tinha
            allowed = torch.ones(num_tokens, keys.shape[2], dtype=torch.bool, device=x.device)
            allowed = allowed.tril(diagonal=keys.shape[2] - num_tokens)
            context = F.scaled_dot_product_attention(queries, keys, values, attn_mask=allowed)
        return self.out_proj(context.transpose(1, 2).reshape(batch, num_tokens, emb_dim))


class FastTransformerBlockKV(_FAST.FastTransformerBlock):
    def __init__(self, cfg):
        super().__init__(cfg)
        self.att = FastCausalAttentionKV(cfg)

    def forward(self, x, use_cache=False):
        x = x + self.drop_shortcut(self.att(self.norm1(x), use_cache))
        hidden = F.gelu(self.fc_in(self.norm2(x)), approximate="tanh")
        return x + self.drop_shortcut(self.fc_out(hidden))


class FastGPTModelKV(_FAST.FastGPTModel):
    """O FastGPTModel com cache de chaves e valores: a versão rápida do GPTModelKV, para o generate_cached.

    Mesmos parâmetros do FastGPTModel (load_state_dict(fast.state_dict()) serve).
    """

    def __init__(self, cfg, tie_weights=False):
        super().__init__(cfg, tie_weights)
        self.trf_blocks = nn.Sequential(*[FastTransformerBlockKV(cfg) for _ in range(cfg["n_layers"])])
        self.position = 0

    def reset_cache(self):
        self.position = 0
        for block in self.trf_blocks:
            block.att.reset_cache()

    def forward(self, in_idx, use_cache=False):
        if not use_cache:
            return super().forward(in_idx)
        start, end = self.position, self.position + in_idx.shape[1]
        if in_idx.shape[1] == 0 or end > self.pos_emb.num_embeddings:
            raise ValueError(f"O cache tem {start} tokens e chegaram mais {in_idx.shape[1]}: o modelo aceita de 1 a "
                             f"{self.pos_emb.num_embeddings} no total. Chame reset_cache() e recomece.")
        positions = torch.arange(start, end, device=in_idx.device)
        x = self.drop_emb(self.tok_emb(in_idx) + self.pos_emb(positions))
        for block in self.trf_blocks:
            x = block(x, use_cache=True)
        self.position = end
        return self.out_head(self.final_norm(x))


def reference_gpt2(cfg: dict):
    """O GPT2LMHeadModel do `transformers` com a configuração `cfg` do curso (pesos aleatórios, da semente atual).

    bos e eos ficam no último id do vocabulário (no GPT-2, o <|endoftext|>, 50256): o padrão do GPT2Config, 50256,
    não existe num vocabulário menor, como o do modelo do curso, e o `transformers` avisaria."""
    from transformers import GPT2Config, GPT2LMHeadModel

    return GPT2LMHeadModel(GPT2Config(
        vocab_size=cfg["vocab_size"], n_positions=cfg["context_length"], n_embd=cfg["emb_dim"],
        n_layer=cfg["n_layers"], n_head=cfg["n_heads"], resid_pdrop=cfg["drop_rate"],
        embd_pdrop=cfg["drop_rate"], attn_pdrop=cfg["drop_rate"],
        bos_token_id=cfg["vocab_size"] - 1, eos_token_id=cfg["vocab_size"] - 1,
    ))


def median_ms(function, repeats: int, device: torch.device) -> float:
    with torch.no_grad():
        function()  # aquecimento
        times = []
        for _ in range(repeats):
            if device.type == "cuda":
                torch.cuda.synchronize()
            start = time.perf_counter()
            function()
            if device.type == "cuda":
                torch.cuda.synchronize()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def peak_mb(function, device: torch.device) -> float | None:
    if device.type != "cuda":
        return None
    torch.cuda.reset_peak_memory_stats()
    with torch.no_grad():
        function()
    return torch.cuda.max_memory_allocated() / 2**20


def row(name: str, ours_ms: float, ref_ms: float, extra: str = "") -> None:
    print(f"{name:<38} {ours_ms:>10.1f} {ref_ms:>12.1f} {ours_ms / ref_ms:>8.2f}×  {extra}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Nosso GPT e nossa atenção contra as referências.")
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--lote", type=int, default=1)
    parser.add_argument("--repeticoes", type=int, default=3)
    parser.add_argument("--dispositivo", default=None, help="cpu, cuda ou mps (padrão: o melhor disponível)")
    parser.add_argument("--treino", choices=["ambos", "curso", "124M", "nenhum"], default="ambos",
                        help="passos de treino a medir: na configuração do modelo do curso, na do GPT-2 124M, ambos")
    parser.add_argument("--novos", type=int, default=200, help="tokens gerados em cada medida de geração")
    parser.add_argument("--so", nargs="+", choices=GROUPS, default=GROUPS, metavar="GRUPO",
                        help=f"só estes grupos de medidas ({', '.join(GROUPS)}; padrão: todos)")
    args = parser.parse_args(argv)
    if args.novos < 1:
        parser.error("--novos precisa ser ≥ 1")

    ch04 = load_blocks("04-gpt-do-zero/notebook.ipynb")
    device = torch.device(args.dispositivo) if args.dispositivo else ch04.choose_device()
    if not 1 <= args.tokens <= ch04.GPT_CONFIG_124M["context_length"]:
        parser.error(f"--tokens precisa estar entre 1 e {ch04.GPT_CONFIG_124M['context_length']}")

    print(f"dispositivo: {device}; torch {torch.__version__}; threads de CPU: {torch.get_num_threads()}")
    if "forward" in args.so:
        forward_rows(ch04, args.lote, args.tokens, args.repeticoes, device)
    if "geracao" in args.so:
        generation_rows(args.novos, device)
    if "treino" in args.so and args.treino != "nenhum":
        training_rows(args.treino, args.repeticoes, device)
    return 0


def forward_rows(ch04, batch: int, tokens: int, repeats: int, device: torch.device) -> None:
    """A passada para frente do GPTModel e a atenção de uma camada, contra o transformers e o SDPA."""
    cfg = ch04.GPT_CONFIG_124M
    torch.manual_seed(0)
    reference = reference_gpt2(cfg).to(device).eval()
    ours = ch04.load_weights_into_gpt(ch04.GPTModel(cfg), reference.state_dict()).to(device).eval()
    ids = torch.randint(0, cfg["vocab_size"], (batch, tokens), device=device)
    with torch.no_grad():
        difference = (ours(ids) - reference(ids).logits).abs().max().item()

    print(f"entrada: {batch} × {tokens} tokens; {repeats} repetições (mediana)\n")
    print(f"{'medida':<38} {'nosso (ms)':>10} {'referência':>12} {'razão':>9}")
    ours_ms = median_ms(lambda: ours(ids), repeats, device)
    ref_ms = median_ms(lambda: reference(ids), repeats, device)
    row("GPTModel vs GPT2LMHeadModel (forward)", ours_ms, ref_ms, f"maior diferença nos logits: {difference:.1e}")

    attention = ours.trf_blocks[0].att
    x = torch.randn(batch, tokens, cfg["emb_dim"], device=device)

    def sdpa():
        q, k, v = (attention.split_heads(W(x)) for W in (attention.W_query, attention.W_key, attention.W_value))
        context = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        return attention.out_proj(context.transpose(1, 2).reshape(x.shape))

    row("MultiHeadAttention vs SDPA (1 camada)", median_ms(lambda: attention(x), repeats, device),
        median_ms(sdpa, repeats, device))

    bytes_ours = sum(p.numel() * p.element_size() for p in ours.parameters())
    bytes_ref = sum(p.numel() * p.element_size() for p in reference.parameters())  # parâmetros únicos
    print(f"\nmemória dos pesos: nosso {bytes_ours / 2**20:.0f} MiB, referência {bytes_ref / 2**20:.0f} MiB "
          f"(razão {bytes_ours / bytes_ref:.2f}×: o GPT2LMHeadModel compartilha a matriz de saída com a de entrada)")
    ours_peak, ref_peak = peak_mb(lambda: ours(ids), device), peak_mb(lambda: reference(ids), device)
    if ours_peak is not None:
        print(f"pico de memória na GPU (forward): nosso {ours_peak:.0f} MiB, referência {ref_peak:.0f} MiB "
              f"(razão {ours_peak / ref_peak:.2f}×)")


def generation_rows(new_tokens: int, device: torch.device) -> None:
    """Geração gulosa no GPT-2 124M, com os mesmos pesos aleatórios nos três: tokens por segundo."""
    ch08 = load_blocks(NOTEBOOK_08, "gpt_kv", "gerar_com_cache", "pesos_rapidos", "gerar", "pesos_gpt2", "config_gpt2")
    cfg = {**ch08.GPT_CONFIG_124M, "drop_rate": 0.0}
    torch.manual_seed(0)
    reference = reference_gpt2(cfg).to(device).eval()
    reference.generation_config.eos_token_id = None  # gera sempre os `new_tokens`, como os nossos sem eos_id
    reference.generation_config.pad_token_id = 0
    ours = ch08.load_weights_into_gpt(ch08.GPTModel(cfg), reference.state_dict()).to(device).eval()
    cached = ch08.GPTModelKV(cfg)
    cached.load_state_dict(ours.state_dict())
    cached = cached.to(device).eval()
    fast_cached = FastGPTModelKV(cfg)  # a versão rápida (peças prontas do PyTorch), com o mesmo cache
    fast_cached.load_state_dict(ch08.fast_from_gpt(ours).state_dict())
    fast_cached = fast_cached.to(device).eval()
    prompt = torch.randint(0, cfg["vocab_size"], (1, 8), generator=torch.Generator().manual_seed(0)).to(device)
    context = cfg["context_length"]
    runs = {
        "generate (sem cache)": lambda n: ch08.generate(ours, prompt, n, context),
        "generate_cached": lambda n: ch08.generate_cached(cached, prompt, n, context),
        "generate_cached, FastGPTModelKV": lambda n: ch08.generate_cached(fast_cached, prompt, n, context),
        "GPT2LMHeadModel.generate (use_cache)": lambda n: reference.generate(
            prompt, attention_mask=torch.ones_like(prompt), max_new_tokens=n, do_sample=False, use_cache=True),
    }
    print(f"\ngeração gulosa, GPT-2 124M (pesos aleatórios, os mesmos em todos): prompt de {prompt.shape[1]} tokens, "
          f"{new_tokens} tokens novos, uma medida depois de um aquecimento")
    print(f"{'medida':<38} {'tokens/s':>10} {'tempo (s)':>12}")
    speed, outputs = {}, {}
    for name, run in runs.items():
        with torch.no_grad():
            run(2)  # aquecimento
            seconds, outputs[name] = timed(run, new_tokens, device)
        speed[name] = new_tokens / seconds
        same = same_tokens(outputs[name], outputs["generate (sem cache)"])
        print(f"{name:<38} {speed[name]:>10.1f} {seconds:>12.1f}  {same}")
    plain_name, cached_name, fast_name, reference_name = list(runs)
    print(f"generate_cached / generate: {speed[cached_name] / speed[plain_name]:.1f}× os tokens por segundo; "
          f"generate_cached / transformers: {speed[cached_name] / speed[reference_name]:.2f}×; "
          f"FastGPTModelKV / transformers: {speed[fast_name] / speed[reference_name]:.2f}×")


def timed(function, argument, device: torch.device):
    """(segundos, resultado) de uma chamada function(argument)."""
    if device.type == "cuda":
        torch.cuda.synchronize()
    start = time.perf_counter()
    result = function(argument)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return time.perf_counter() - start, result


def same_tokens(tokens: torch.Tensor, expected: torch.Tensor) -> str:
    """Quantos tokens iguais aos do generate sem cache (com pesos aleatórios, um quase empate pode virar)."""
    tokens, expected = tokens.cpu(), expected.cpu()
    if tokens.shape == expected.shape and torch.equal(tokens, expected):
        return "os mesmos tokens do generate"
    length = min(tokens.shape[1], expected.shape[1])
    first = (tokens[0, :length] != expected[0, :length]).nonzero()
    where = first[0, 0].item() if len(first) else length
    return f"difere do generate a partir da posição {where}"


def training_rows(which: str, repeats: int, device: torch.device) -> None:
    """Um passo de treino do nosso GPTModel (e do FastGPTModel) contra o do GPT2LMHeadModel, com os mesmos pesos."""
    ch05 = load_blocks("05-pre-treinamento/notebook.ipynb", "receita_do_curso", "precisao", "modelo_gpt", "pesos_gpt2",
                       "config_gpt2")
    ch08 = load_blocks(NOTEBOOK_08, "pesos_rapidos")
    recipe = ch05.COURSE_RECIPE
    course = {**ch05.model_config(recipe, recipe["vocab_size"]), "qkv_bias": True}  # o GPT-2 sempre tem viés em QKV
    setups = {"curso": (course, recipe["batch_size"], recipe["context_length"]),
              "124M": ({**ch05.GPT_CONFIG_124M, "drop_rate": 0.0}, 4, 256)}
    mixed = ch05.mixed_precision(device)[1]
    print(f"\npasso de treino (forward + perda + backward + AdamW); precisão mista aqui: {mixed or 'nenhuma'}")
    print(f"{'medida':<38} {'nosso (ms)':>10} {'referência':>12} {'razão':>9}")
    for name, (cfg, batch, tokens) in setups.items():
        if which not in ("ambos", name):
            continue
        for dtype in [None] + ([mixed] if mixed else []):
            torch.manual_seed(0)
            reference = reference_gpt2(cfg).to(device)
            ours = ch05.load_weights_into_gpt(ch05.GPTModel(cfg), reference.state_dict()).to(device)
            fast = ch08.fast_from_gpt(ours)
            generator = torch.Generator().manual_seed(0)
            ids = torch.randint(0, cfg["vocab_size"], (batch, tokens + 1), generator=generator).to(device)
            ours_ms = median_train_ms(ours, lambda m, x: m(x), ids, dtype, repeats, device)
            ref_ms = median_train_ms(reference, lambda m, x: m(x).logits, ids, dtype, repeats, device)
            fast_ms = median_train_ms(fast, lambda m, x: m(x), ids, dtype, repeats, device)
            label = f"treino {name} {batch}×{tokens} {str(dtype or 'float32').removeprefix('torch.')}"
            row(label, ours_ms, ref_ms, f"{decimal(batch * tokens / ours_ms * 1000, 0)} tokens/s (nosso)")
            row("  idem, FastGPTModel", fast_ms, ref_ms,
                f"{decimal(batch * tokens / fast_ms * 1000, 0)} tokens/s (FastGPTModel)")


def median_train_ms(model, logits_of, ids, dtype, repeats: int, device: torch.device) -> float:
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    scaler = torch.amp.GradScaler(device.type, enabled=dtype == torch.float16)  # como no laço do capítulo 05
    inputs, targets = ids[:, :-1], ids[:, 1:]
    model.train()

    def step():
        with torch.autocast(device.type, dtype=dtype, enabled=dtype is not None):
            logits = logits_of(model, inputs)
        loss = F.cross_entropy(logits.flatten(0, 1).float(), targets.flatten())
        optimizer.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        if device.type == "cuda":
            torch.cuda.synchronize()

    step()  # aquecimento (e o AdamW cria o seu estado)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
