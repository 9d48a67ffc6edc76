"""Respostas erradas para as conferências dos exercícios do capítulo 06 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        # verdade e previsão trocadas: precisão e revocação trocam de lugar (o F1 não muda)
        "def wrong(labels, predictions):\n    return solution_1(predictions, labels)",
        "def wrong(labels, predictions):\n    return solution_1(labels, predictions)[2]",  # só o F1
        "def wrong(labels, predictions):\n    p, r, f = solution_1(labels, predictions)\n"
        "    return torch.tensor(p), torch.tensor(r), torch.tensor(f)",  # tensores, não float
        "def wrong(labels, predictions):\n    p, r, f = solution_1(labels, predictions)\n    return r, p, f",  # ordem
        # a acurácia no lugar da precisão
        "def wrong(labels, predictions):\n    p, r, f = solution_1(labels, predictions)\n"
        "    return (labels == predictions).float().mean().item(), r, f",
    ],
    2: [
        "def wrong(model):\n    return make_classifier(model, 2, 'last_block')",  # só o último bloco
        "def wrong(model):\n    return make_classifier(model, 2, 'all')",  # tudo treinável
        "def wrong(model):\n    model = make_classifier(model, 2, 'last_block')\n"
        "    for p in model.trf_blocks[-2].parameters():\n        p.requires_grad = True",  # esqueceu o return
        "def wrong(model):\n    raise ValueError('x')",  # função que sempre falha
        "wrong = 'trf_blocks[-2:]'",  # não é uma função
    ],
    3: [
        "wrong = encode_message",  # ainda acrescenta o <|endoftext|>
        "def wrong(text, tokenizer, max_length):\n    ids = tokenizer.encode(text)\n"
        "    return ids[: max_length - 1], len(ids) - len(ids[: max_length - 1])",  # corta uma posição a mais
        "def wrong(text, tokenizer, max_length):\n    return tokenizer.encode(text)[:max_length]",  # sem o cortados
        "def wrong(text, tokenizer, max_length):\n    ids = tokenizer.encode(text)\n"
        "    return ids[:max_length], len(ids)",  # cortados = total
    ],
    4: [
        # > no lugar de ≥: o limiar escolhido deixa de fora a própria mensagem que o define
        "def wrong(spam_probs, normal_probs, spam_share, target=0.95):\n"
        "    for t in torch.cat([spam_probs, normal_probs]).unique().tolist():\n"
        "        r, f = (spam_probs > t).float().mean().item(), (normal_probs > t).float().mean().item()\n"
        "        if inbox_precision(r, f, spam_share) >= target:\n            return t\n    return 1.0",
        # a precisão no teste equilibrado (ignora spam_share)
        "def wrong(spam_probs, normal_probs, spam_share, target=0.95):\n"
        "    return solution_4(spam_probs, normal_probs, 0.5, target)",
        # o maior limiar que atinge o alvo, não o menor
        "def wrong(spam_probs, normal_probs, spam_share, target=0.95):\n"
        "    for t in torch.cat([spam_probs, normal_probs]).unique().flip(0).tolist():\n"
        "        r, f = (spam_probs >= t).float().mean().item(), (normal_probs >= t).float().mean().item()\n"
        "        if inbox_precision(r, f, spam_share) >= target:\n            return t\n    return 1.0",
        "def wrong(spam_probs, normal_probs, spam_share, target=0.95):\n"
        "    return torch.tensor(solution_4(spam_probs, normal_probs, spam_share, target))",  # tensor
    ],
}
