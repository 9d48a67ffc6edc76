"""Respostas erradas para as conferências dos exercícios do capítulo 05 (cada uma define `wrong`)."""

_LR_HEAD = "def wrong(step, max_steps, peak_lr, warmup_steps):\n"
_STEP_HEAD = "def wrong(model, inputs, targets, optimizer, max_norm):\n"
_LOSS = "    loss = calc_loss_batch(inputs, targets, model, inputs.device)\n    loss.backward()\n"
_CLIP = "    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)\n"
_TOP_HEAD = "def wrong(logits, k):\n"
_KTH = "    kth = torch.topk(logits, k, dim=-1).values[..., -1:]\n"
_STOP_HEAD = "def wrong(val_losses, patience):\n"


def _early_stopping(improves="loss < best_loss", stops="since == patience", answer="(i, best_at)",
                    end="(len(val_losses) - 1, best_at)"):
    """Uma parada antecipada com um detalhe trocado."""
    return (_STOP_HEAD
            + "    best_loss, best_at, since = float('inf'), 0, 0\n"
            + "    for i, loss in enumerate(val_losses):\n"
            + f"        if {improves}:\n"
            + "            best_loss, best_at, since = loss, i, 0\n"
            + "        else:\n"
            + "            since += 1\n"
            + f"            if {stops}:\n"
            + f"                return {answer}\n"
            + f"    return {end}")


WRONG_ANSWERS = {
    1: [
        # aquecimento que começa em 0 (o passo 0 não treina)
        _LR_HEAD + "    if step < warmup_steps:\n        return peak_lr * step / warmup_steps\n"
        "    p = min(1.0, (step - warmup_steps) / (max_steps - warmup_steps))\n"
        "    return peak_lr * (0.1 + 0.45 * (1 + math.cos(math.pi * p)))",
        # decaimento até 0, não até 10 % do pico
        _LR_HEAD + "    if step < warmup_steps:\n        return peak_lr * (step + 1) / warmup_steps\n"
        "    p = min(1.0, (step - warmup_steps) / (max_steps - warmup_steps))\n"
        "    return peak_lr * 0.5 * (1 + math.cos(math.pi * p))",
        # sem travar o progresso em 1: depois de max_steps o cosseno volta a subir
        _LR_HEAD + "    if step < warmup_steps:\n        return peak_lr * (step + 1) / warmup_steps\n"
        "    p = (step - warmup_steps) / (max_steps - warmup_steps)\n"
        "    return peak_lr * (0.1 + 0.45 * (1 + math.cos(math.pi * p)))",
        # progresso contado desde o passo 0, não desde o fim do aquecimento
        _LR_HEAD + "    if step < warmup_steps:\n        return peak_lr * (step + 1) / warmup_steps\n"
        "    p = min(1.0, step / max_steps)\n"
        "    return peak_lr * (0.1 + 0.45 * (1 + math.cos(math.pi * p)))",
        # tensor em vez de float (torch.cos num tensor)
        _LR_HEAD + "    if step < warmup_steps:\n        return peak_lr * (step + 1) / warmup_steps\n"
        "    p = min(1.0, (step - warmup_steps) / (max_steps - warmup_steps))\n"
        "    return peak_lr * (0.1 + 0.45 * (1 + torch.cos(torch.tensor(math.pi * p))))",
        # int em vez de float
        _LR_HEAD + "    return int(step < warmup_steps)",
        # função que sempre falha
        _LR_HEAD + "    raise ValueError('x')",
        "wrong = 3e-4",  # um número, não uma função
    ],
    2: [
        # sem recorte do gradiente
        _STEP_HEAD + _LOSS + "    optimizer.step()\n    optimizer.zero_grad()\n    return loss.item()",
        # recorte depois do passo: o passo já foi dado com o gradiente inteiro
        _STEP_HEAD + _LOSS + "    optimizer.step()\n" + _CLIP + "    optimizer.zero_grad()\n    return loss.item()",
        # esqueceu de zerar: o gradiente de um passo se soma ao do seguinte
        _STEP_HEAD + _LOSS + _CLIP + "    optimizer.step()\n    return loss.item()",
        # devolve o tensor da perda, não um float
        _STEP_HEAD + _LOSS + _CLIP + "    optimizer.step()\n    optimizer.zero_grad()\n    return loss",
        # devolve a perda de depois do passo
        _STEP_HEAD + _LOSS + _CLIP + "    optimizer.step()\n    optimizer.zero_grad()\n"
        "    return calc_loss_batch(inputs, targets, model, inputs.device).item()",
        # recorte fixo em 1,0 (o padrão do optimizer_step), ignorando max_norm
        _STEP_HEAD + _LOSS + "    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)\n"
        "    optimizer.step()\n    optimizer.zero_grad()\n    return loss.item()",
        # recorte de cada valor (clip_grad_value_), não da norma
        _STEP_HEAD + _LOSS + "    torch.nn.utils.clip_grad_value_(model.parameters(), max_norm)\n"
        "    optimizer.step()\n    optimizer.zero_grad()\n    return loss.item()",
        # função que sempre falha
        _STEP_HEAD + "    raise ValueError('x')",
    ],
    3: [
        # mantém os k menores
        _TOP_HEAD + "    kth = torch.topk(logits, k, dim=-1, largest=False).values[..., -1:]\n"
        "    return logits.masked_fill(logits > kth, float('-inf'))",
        # 0 em vez de -inf (a softmax ainda dá probabilidade aos de fora)
        _TOP_HEAD + _KTH + "    return logits.masked_fill(logits < kth, 0.0)",
        # o k-ésimo maior do lote inteiro, não de cada linha
        _TOP_HEAD + "    kth = torch.topk(logits.flatten(), k).values[-1]\n"
        "    return logits.masked_fill(logits < kth, float('-inf'))",
        # altera o tensor recebido
        _TOP_HEAD + _KTH + "    logits[logits < kth] = float('-inf')\n    return logits",
        # exatamente k por linha: descarta os empatados com o k-ésimo
        _TOP_HEAD + "    top = torch.topk(logits, k, dim=-1)\n"
        "    return torch.full_like(logits, float('-inf')).scatter(-1, top.indices, top.values)",
        # k-ésimo sem keepdim: só funciona em uma dimensão
        _TOP_HEAD + "    kth = torch.topk(logits, k, dim=-1).values[..., -1]\n"
        "    return logits.masked_fill(logits < kth, float('-inf'))",
        # lista em vez de tensor
        _TOP_HEAD + _KTH + "    return logits.masked_fill(logits < kth, float('-inf')).tolist()",
        # função que sempre falha
        _TOP_HEAD + "    raise ValueError('x')",
    ],
    4: [
        # best_at da curva inteira, ignorando a parada
        _early_stopping(answer="(i, min(range(len(val_losses)), key=val_losses.__getitem__))",
                        end="(len(val_losses) - 1, min(range(len(val_losses)), key=val_losses.__getitem__))"),
        # um a mais: para só depois de patience + 1 avaliações sem melhora
        _early_stopping(stops="since > patience"),
        # um a menos: para uma avaliação antes
        _early_stopping(stops="since >= patience - 1"),
        # empate conta como melhora (<=)
        _early_stopping(improves="loss <= best_loss"),
        # lista em vez de tupla
        _early_stopping(answer="[i, best_at]", end="[len(val_losses) - 1, best_at]"),
        # ordem trocada: (best_at, stop_at)
        _early_stopping(answer="(best_at, i)", end="(best_at, len(val_losses) - 1)"),
        # índices como tensores (torch.argmin)
        _STOP_HEAD + "    losses = torch.tensor(val_losses)\n"
        "    return torch.tensor(len(val_losses) - 1), losses.argmin()",
        # função que sempre falha
        _STOP_HEAD + "    raise ValueError('x')",
    ],
}
