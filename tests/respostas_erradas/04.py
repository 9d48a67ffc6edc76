"""Respostas erradas para as conferências dos exercícios do capítulo 04 (cada uma define `wrong`)."""
WRONG_ANSWERS = {
    1: ["wrong = 12 * 1024 * 1024",  # sem os vieses nem as normalizações
        "wrong = 12596224.0"],  # o número certo, mas float (tipo errado)
    2: ["wrong = 406286336 * 4 / 1e9",  # só os pesos
        "wrong = '6,50 GB'"],  # texto (tipo errado)
    3: ["def wrong(x, scale, shift, eps=1e-5):\n"
        "    return scale * (x - x.mean(-1, keepdim=True)) / torch.sqrt(x.var(-1, keepdim=True) + eps) + shift",
        "def wrong(x, scale, shift, eps=1e-5):\n"  # sem o eps: só a entrada de variância pequena acusa
        "    mean, var = x.mean(-1, keepdim=True), x.var(-1, keepdim=True, unbiased=False)\n"
        "    return scale * (x - mean) / torch.sqrt(var) + shift",
        "def wrong(x, scale, shift, eps=1e-5):\n"  # o eps fora da raiz
        "    mean, var = x.mean(-1, keepdim=True), x.var(-1, keepdim=True, unbiased=False)\n"
        "    return scale * (x - mean) / (torch.sqrt(var) + eps) + shift",
        "def wrong(x, scale, shift, eps=1e-5):\n    return (x - x.mean(-1, keepdim=True)).sum(-1)",  # forma errada
        "def wrong(x, scale, shift, eps=1e-5):\n    raise ValueError('x')",  # sempre falha
        "wrong = 3"],  # não é função
    4: ["def wrong(w):\n    return w.split(w.shape[0], dim=1)",  # sem transpor
        "def wrong(w):\n    return w.T",  # um tensor só
        "def wrong(w):\n    raise ValueError('x')"],
}
