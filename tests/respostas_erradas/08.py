"""Respostas erradas para as conferências dos exercícios do capítulo 08 (cada uma define `wrong`)."""

WRONG_ANSWERS = {
    1: [
        "def wrong(mask, start, num_new):\n    return mask[:num_new, :start + num_new]",  # linhas a partir do 0
        # só as colunas das chaves novas: esqueceu as do cache
        "def wrong(mask, start, num_new):\n    return mask[start:start + num_new, start:start + num_new]",
        "def wrong(mask, start, num_new):\n    return mask[start:start + num_new]",  # todas as colunas
        # uma linha adiante
        "def wrong(mask, start, num_new):\n    return mask[start + 1:start + num_new + 1, :start + num_new]",
        "def wrong(mask, start, num_new):\n    return mask[start:start + num_new, :start + num_new + 1]",  # +1 coluna
        "def wrong(mask, start, num_new):\n    return ~mask[start:start + num_new, :start + num_new]",  # invertida
        # do zero, mas a diagonal não anda com o start
        "def wrong(mask, start, num_new):\n"
        "    return torch.triu(torch.ones(num_new, start + num_new, dtype=torch.bool), diagonal=1)",
        "def wrong(mask, start, num_new):\n    return mask[start:start + num_new, :start + num_new].float()",  # float
        "def wrong(*args):\n    raise ValueError('x')",  # função que sempre falha
        "wrong = 'mask[start:end, :end]'",  # não é uma função
    ],
    2: [
        # sem o .T: a soma só tem a forma certa numa camada quadrada
        "def wrong(layer):\n    linear, lora = layer.linear, layer.lora\n"
        "    merged = nn.Linear(linear.in_features, linear.out_features, bias=linear.bias is not None)\n"
        "    with torch.no_grad():\n        merged.weight.copy_(linear.weight + lora.scaling * (lora.A @ lora.B))\n"
        "        if linear.bias is not None:\n            merged.bias.copy_(linear.bias)\n    return merged",
        # reshape no lugar do .T: a forma sai certa, os números não
        "def wrong(layer):\n    linear, lora = layer.linear, layer.lora\n"
        "    merged = nn.Linear(linear.in_features, linear.out_features, bias=linear.bias is not None)\n"
        "    delta = (lora.A @ lora.B).reshape(linear.out_features, linear.in_features)\n"
        "    with torch.no_grad():\n        merged.weight.copy_(linear.weight + lora.scaling * delta)\n"
        "        if linear.bias is not None:\n            merged.bias.copy_(linear.bias)\n    return merged",
        # sem a escala alpha / rank
        "def wrong(layer):\n    linear, lora = layer.linear, layer.lora\n"
        "    merged = nn.Linear(linear.in_features, linear.out_features, bias=linear.bias is not None)\n"
        "    with torch.no_grad():\n        merged.weight.copy_(linear.weight + (lora.A @ lora.B).T)\n"
        "        if linear.bias is not None:\n            merged.bias.copy_(linear.bias)\n    return merged",
        # perdeu o viés
        "def wrong(layer):\n    linear, lora = layer.linear, layer.lora\n"
        "    merged = nn.Linear(linear.in_features, linear.out_features, bias=False)\n"
        "    with torch.no_grad():\n        merged.weight.copy_(linear.weight + lora.scaling * (lora.A @ lora.B).T)\n"
        "    return merged",
        # sempre com viés: onde o original não tinha, fica o viés sorteado do nn.Linear novo
        "def wrong(layer):\n    linear, lora = layer.linear, layer.lora\n"
        "    merged = nn.Linear(linear.in_features, linear.out_features)\n"
        "    with torch.no_grad():\n        merged.weight.copy_(linear.weight + lora.scaling * (lora.A @ lora.B).T)\n"
        "        if linear.bias is not None:\n            merged.bias.copy_(linear.bias)\n    return merged",
        # funde no próprio nn.Linear da camada: a camada recebida muda (e passa a somar o LoRA duas vezes)
        "def wrong(layer):\n    with torch.no_grad():\n"
        "        layer.linear.weight += layer.lora.scaling * (layer.lora.A @ layer.lora.B).T\n"
        "    return layer.linear",
        "def wrong(layer):\n    return layer",  # o próprio LinearWithLoRA
        "def wrong(layer):\n    return layer.linear",  # esqueceu o LoRA
        "wrong = merge_lora",  # a função do modelo inteiro: devolve a camada como está
        "def wrong(layer):\n    raise ValueError('x')",  # função que sempre falha
    ],
    3: [
        # pares vizinhos (2i, 2i + 1), e não (i, i + head_dim / 2)
        "def wrong(vector, position, base=10_000):\n    head_dim = vector.shape[0]\n"
        "    angles = position * base ** (-2 * torch.arange(head_dim // 2).float() / head_dim)\n"
        "    cos, sin = torch.cos(angles), torch.sin(angles)\n    first, second = vector[0::2], vector[1::2]\n"
        "    return torch.stack([first * cos - second * sin, first * sin + second * cos], dim=-1).flatten()",
        # girando no sentido contrário
        "def wrong(vector, position, base=10_000):\n    head_dim = vector.shape[0]\n    half = head_dim // 2\n"
        "    angles = -position * base ** (-2 * torch.arange(half).float() / head_dim)\n"
        "    cos, sin = torch.cos(angles), torch.sin(angles)\n    first, second = vector[:half], vector[half:]\n"
        "    return torch.cat([first * cos - second * sin, first * sin + second * cos])",
        # head_dim ângulos, um por dimensão, em vez de head_dim / 2 (um por par)
        "def wrong(vector, position, base=10_000):\n    head_dim = vector.shape[0]\n    half = head_dim // 2\n"
        "    angles = position * base ** (-torch.arange(head_dim).float() / head_dim)\n"
        "    rotated = torch.cat([-vector[half:], vector[:half]])\n"
        "    return vector * torch.cos(angles) + rotated * torch.sin(angles)",
        # expoente −i / head_dim (faltou o 2)
        "def wrong(vector, position, base=10_000):\n    head_dim = vector.shape[0]\n    half = head_dim // 2\n"
        "    angles = position * base ** (-torch.arange(half).float() / head_dim)\n"
        "    cos, sin = torch.cos(angles), torch.sin(angles)\n    first, second = vector[:half], vector[half:]\n"
        "    return torch.cat([first * cos - second * sin, first * sin + second * cos])",
        # ignora o argumento base
        "def wrong(vector, position, base=10_000):\n    return solution_3(vector, position)",
        # todos os pares giram o mesmo ângulo (a posição, em radianos)
        "def wrong(vector, position, base=10_000):\n    half = vector.shape[0] // 2\n"
        "    first, second = vector[:half], vector[half:]\n    c, s = math.cos(position), math.sin(position)\n"
        "    return torch.cat([first * c - second * s, first * s + second * c])",
        "def wrong(vector, position, base=10_000):\n    return vector",  # sem girar
        "def wrong(vector, position, base=10_000):\n    return solution_3(vector, position, base).tolist()",  # lista
        "def wrong(vector, position, base=10_000):\n    raise ValueError('x')",  # função que sempre falha
    ],
    4: [
        # o conjunto inteiro repetido (0, 1, 0, 1): a cabeça h recebe a chave h % n_kv
        "def wrong(keys, group_size):\n    return keys.repeat(1, group_size, 1, 1)",
        # o mesmo engano, com expand
        "def wrong(keys, group_size):\n    batch, n_kv, num_tokens, head_dim = keys.shape\n"
        "    return keys[:, None].expand(-1, group_size, -1, -1, -1).reshape(batch, n_kv * group_size, num_tokens, "
        "head_dim)",
        "def wrong(keys, group_size):\n    return keys.repeat_interleave(group_size, dim=2)",  # repetiu os tokens
        "def wrong(keys, group_size):\n    return keys.repeat_interleave(group_size, dim=0)",  # repetiu o lote
        "def wrong(keys, group_size):\n    return keys.repeat_interleave(group_size)",  # sem dim: achata tudo
        "def wrong(keys, group_size):\n    return keys",  # não repetiu
        "def wrong(keys, group_size):\n    raise ValueError('x')",  # função que sempre falha
    ],
}
