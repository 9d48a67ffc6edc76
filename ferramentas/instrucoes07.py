"""Gera o conjunto de instruções em português do capítulo 07 (`07-instruction-tuning/instrucoes-pt-br.json`).

Tudo sai deste arquivo: listas de palavras, modelos de frase (com várias formulações por tarefa) e entradas
escritas à mão. A única fonte de acaso é `random.Random(123)`, então o resultado é sempre o mesmo; um teste
confere que o JSON do repositório é igual ao que `build_entries()` devolve.

Cada entrada tem as chaves `instruction`, `input` (pode ser "") e `output`, no formato Alpaca, mais
`category`. As respostas são curtas de propósito: o modelo do curso tem contexto de 128 tokens.

Uso:
    python ferramentas/instrucoes07.py
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from fractions import Fraction

from raiz import ROOT

OUTPUT = ROOT / "07-instruction-tuning" / "instrucoes-pt-br.json"

CATEGORIES = [
    "gramatica",
    "sinonimos_antonimos",
    "reescrita",
    "definicoes",
    "aritmetica",
    "conversao",
    "classificacao",
    "extracao",
    "traducao",
    "fatos",
]

MAX_CHARS = 300  # instrução + entrada + resposta, nunca acima disto
MAX_OUTPUT_WORDS = 40
NEAR_DUPLICATE_JACCARD = 0.9


# ---------------------------------------------------------------------------------------------------------
# Números no formato do curso: vírgula decimal e espaço como separador de milhar a partir de 1 000
# (o mesmo estilo do resto do curso: "6 000 tokens/s", "124 439 808").
# ---------------------------------------------------------------------------------------------------------


def fmt_number(value: Fraction | int) -> str:
    value = Fraction(value)
    if value < 0:
        raise ValueError("o conjunto não usa números negativos")
    integer = value.numerator // value.denominator
    rest = value - integer
    digits = str(integer)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    text = " ".join(groups)
    if rest:
        decimals = ""
        for _ in range(6):
            rest *= 10
            digit = rest.numerator // rest.denominator
            decimals += str(digit)
            rest -= digit
            if not rest:
                break
        if rest:
            raise ValueError(f"{value} não tem representação decimal curta")
        text += "," + decimals
    return text


def parse_number(text: str) -> Fraction:
    """O inverso de `fmt_number`: "2 500" → 2500, "0,75" → 3/4."""
    return Fraction(text.replace(" ", "").replace(",", "."))


def entry(instruction: str, input_: str, output: str, category: str) -> dict:
    return {"instruction": instruction, "input": input_, "output": output, "category": category}


# ---------------------------------------------------------------------------------------------------------
# gramatica
# ---------------------------------------------------------------------------------------------------------

PLURALS = [
    ("pão", "pães"), ("mão", "mãos"), ("cão", "cães"), ("alemão", "alemães"), ("capitão", "capitães"),
    ("irmão", "irmãos"), ("cidadão", "cidadãos"), ("leão", "leões"), ("limão", "limões"), ("avião", "aviões"),
    ("coração", "corações"), ("botão", "botões"), ("animal", "animais"), ("jornal", "jornais"),
    ("papel", "papéis"), ("anel", "anéis"), ("farol", "faróis"), ("lençol", "lençóis"), ("funil", "funis"),
    ("barril", "barris"), ("réptil", "répteis"), ("fóssil", "fósseis"), ("flor", "flores"), ("mar", "mares"),
    ("mulher", "mulheres"), ("colher", "colheres"), ("luz", "luzes"), ("nariz", "narizes"), ("país", "países"),
    ("mês", "meses"), ("lápis", "lápis"), ("ônibus", "ônibus"), ("raiz", "raízes"), ("juiz", "juízes"),
    ("homem", "homens"), ("jardim", "jardins"), ("nuvem", "nuvens"), ("álbum", "álbuns"),
    ("chapéu", "chapéus"), ("pastel", "pastéis"), ("caracol", "caracóis"), ("degrau", "degraus"),
    ("órgão", "órgãos"), ("beija-flor", "beija-flores"), ("guarda-chuva", "guarda-chuvas"),
]
PLURAL_TEMPLATES = [
    ('Qual é o plural de "{w}"?', ""),
    ('Escreva o plural da palavra "{w}".', ""),
    ("Dê o plural da palavra abaixo.", "{w}"),
    ('Como fica "{w}" no plural?', ""),
    ("Passe a palavra para o plural.", "{w}"),
]

FEMININES = [
    ("ator", "atriz"), ("homem", "mulher"), ("pai", "mãe"), ("boi", "vaca"), ("cavalo", "égua"),
    ("galo", "galinha"), ("bode", "cabra"), ("carneiro", "ovelha"), ("rei", "rainha"), ("príncipe", "princesa"),
    ("conde", "condessa"), ("imperador", "imperatriz"), ("genro", "nora"), ("padrinho", "madrinha"),
    ("padrasto", "madrasta"), ("leão", "leoa"), ("irmão", "irmã"), ("alemão", "alemã"), ("campeão", "campeã"),
    ("herói", "heroína"), ("avô", "avó"), ("sogro", "sogra"), ("compadre", "comadre"), ("duque", "duquesa"),
    ("juiz", "juíza"), ("cantor", "cantora"),
]
FEMININE_TEMPLATES = [
    ('Qual é o feminino de "{w}"?', ""),
    ('Escreva o feminino da palavra "{w}".', ""),
    ("Dê o feminino da palavra abaixo.", "{w}"),
    ('Como fica "{w}" no feminino?', ""),
    ("Passe a palavra para o feminino.", "{w}"),
]

# Formas conferidas uma a uma: (eu, ele/ela, nós, eles/elas).
CONJUGATIONS = {
    "falar": {"presente": ("falo", "fala", "falamos", "falam"),
              "pretérito perfeito": ("falei", "falou", "falamos", "falaram")},
    "cantar": {"presente": ("canto", "canta", "cantamos", "cantam"),
               "pretérito perfeito": ("cantei", "cantou", "cantamos", "cantaram")},
    "estudar": {"presente": ("estudo", "estuda", "estudamos", "estudam"),
                "pretérito perfeito": ("estudei", "estudou", "estudamos", "estudaram")},
    "comer": {"presente": ("como", "come", "comemos", "comem"),
              "pretérito perfeito": ("comi", "comeu", "comemos", "comeram")},
    "vender": {"presente": ("vendo", "vende", "vendemos", "vendem"),
               "pretérito perfeito": ("vendi", "vendeu", "vendemos", "venderam")},
    "beber": {"presente": ("bebo", "bebe", "bebemos", "bebem"),
              "pretérito perfeito": ("bebi", "bebeu", "bebemos", "beberam")},
    "partir": {"presente": ("parto", "parte", "partimos", "partem"),
               "pretérito perfeito": ("parti", "partiu", "partimos", "partiram")},
    "abrir": {"presente": ("abro", "abre", "abrimos", "abrem"),
              "pretérito perfeito": ("abri", "abriu", "abrimos", "abriram")},
    "ser": {"presente": ("sou", "é", "somos", "são"),
            "pretérito perfeito": ("fui", "foi", "fomos", "foram")},
    "estar": {"presente": ("estou", "está", "estamos", "estão"),
              "pretérito perfeito": ("estive", "esteve", "estivemos", "estiveram")},
    "ir": {"presente": ("vou", "vai", "vamos", "vão"),
           "pretérito perfeito": ("fui", "foi", "fomos", "foram")},
    "ter": {"presente": ("tenho", "tem", "temos", "têm"),
            "pretérito perfeito": ("tive", "teve", "tivemos", "tiveram")},
    "fazer": {"presente": ("faço", "faz", "fazemos", "fazem"),
              "pretérito perfeito": ("fiz", "fez", "fizemos", "fizeram")},
    "poder": {"presente": ("posso", "pode", "podemos", "podem"),
              "pretérito perfeito": ("pude", "pôde", "pudemos", "puderam")},
    "dizer": {"presente": ("digo", "diz", "dizemos", "dizem"),
              "pretérito perfeito": ("disse", "disse", "dissemos", "disseram")},
    "trazer": {"presente": ("trago", "traz", "trazemos", "trazem"),
               "pretérito perfeito": ("trouxe", "trouxe", "trouxemos", "trouxeram")},
    "querer": {"presente": ("quero", "quer", "queremos", "querem"),
               "pretérito perfeito": ("quis", "quis", "quisemos", "quiseram")},
    "ver": {"presente": ("vejo", "vê", "vemos", "veem"),
            "pretérito perfeito": ("vi", "viu", "vimos", "viram")},
    "vir": {"presente": ("venho", "vem", "vimos", "vêm"),
            "pretérito perfeito": ("vim", "veio", "viemos", "vieram")},
    "dar": {"presente": ("dou", "dá", "damos", "dão"),
            "pretérito perfeito": ("dei", "deu", "demos", "deram")},
    "saber": {"presente": ("sei", "sabe", "sabemos", "sabem"),
              "pretérito perfeito": ("soube", "soube", "soubemos", "souberam")},
    "pôr": {"presente": ("ponho", "põe", "pomos", "põem"),
            "pretérito perfeito": ("pus", "pôs", "pusemos", "puseram")},
    "ler": {"presente": ("leio", "lê", "lemos", "leem"),
            "pretérito perfeito": ("li", "leu", "lemos", "leram")},
}
PERSONS = [("eu",), ("ele", "ela"), ("nós",), ("eles", "elas")]
CONJUGATION_TEMPLATES = [
    ('Conjugue o verbo "{v}" no {t} do indicativo, com "{p}".', ""),
    ('Qual é a forma do verbo "{v}" com "{p}" no {t}?', ""),
    ('Complete com o verbo "{v}" no {t}: {p} ___.', ""),
    ("Conjugue o verbo na pessoa e no tempo pedidos.", "{v}; {p}; {t}"),
    ('Como fica "{v}" no {t} do indicativo, com o pronome "{p}"?', ""),
]

# (frase com erro ou sem, frase correta, leva crase?)
CRASE = [
    ("Vou a praia no sábado.", "Vou à praia no sábado.", True),
    ("Fomos a feira cedo.", "Fomos à feira cedo.", True),
    ("Ela chegou a escola atrasada.", "Ela chegou à escola atrasada.", True),
    ("Entreguei o livro a professora.", "Entreguei o livro à professora.", True),
    ("O jogo começa as oito horas.", "O jogo começa às oito horas.", True),
    ("Saímos as cinco da tarde.", "Saímos às cinco da tarde.", True),
    ("Obedeça as regras do jogo.", "Obedeça às regras do jogo.", True),
    ("Vamos a biblioteca depois da aula.", "Vamos à biblioteca depois da aula.", True),
    ("Cheguei a cidade de noite.", "Cheguei à cidade de noite.", True),
    ("Mandei uma carta a empresa.", "Mandei uma carta à empresa.", True),
    ("Ele foi a Bahia nas férias.", "Ele foi à Bahia nas férias.", True),
    ("Assisti a peça ontem.", "Assisti à peça ontem.", True),
    ("A loja abre as nove.", "A loja abre às nove.", True),
    ("Ele começou à estudar.", "Ele começou a estudar.", False),
    ("Vou à pé para casa.", "Vou a pé para casa.", False),
    ("Ela saiu à cavalo.", "Ela saiu a cavalo.", False),
    ("Falei à ela ontem.", "Falei a ela ontem.", False),
    ("Comprei a geladeira à prazo.", "Comprei a geladeira a prazo.", False),
    ("Ficamos frente à frente.", "Ficamos frente a frente.", False),
    ("Ele pediu à você um favor.", "Ele pediu a você um favor.", False),
    ("Vou à Curitiba amanhã.", "Vou a Curitiba amanhã.", False),
    ("Estou disposto à ajudar.", "Estou disposto a ajudar.", False),
    ("Entreguei as provas à todos os alunos.", "Entreguei as provas a todos os alunos.", False),
    ("Ela voltou à falar do assunto.", "Ela voltou a falar do assunto.", False),
]
CRASE_TEMPLATES = [
    ("A frase precisa de crase? Responda sim ou não e escreva a frase correta.", "{s}"),
    ("Deve haver crase nesta frase? Diga sim ou não e reescreva a frase certa.", "{s}"),
    ('Em "{s}", deve haver crase? Responda sim ou não e dê a frase correta.', ""),
    ("Verifique o uso da crase: responda sim ou não e escreva a frase correta.", "{s}"),
]

# (forma errada, forma certa, frase com o erro, frase corrigida)
SPELLING = [
    ("concerteza", "com certeza", "Concerteza ela vem amanhã.", "Com certeza ela vem amanhã."),
    ("derrepente", "de repente", "Derrepente começou a chover.", "De repente começou a chover."),
    ("enchergar", "enxergar", "Sem óculos, não consigo enchergar.", "Sem óculos, não consigo enxergar."),
    ("excessão", "exceção", "Essa regra não tem excessão.", "Essa regra não tem exceção."),
    ("previlégio", "privilégio", "Foi um previlégio conhecer você.", "Foi um privilégio conhecer você."),
    ("adevogado", "advogado", "O adevogado chegou cedo.", "O advogado chegou cedo."),
    ("beneficiente", "beneficente", "A festa beneficiente foi um sucesso.", "A festa beneficente foi um sucesso."),
    ("cabeçário", "cabeçalho", "Escreva seu nome no cabeçário.", "Escreva seu nome no cabeçalho."),
    ("impecilho", "empecilho", "A chuva não foi impecilho para a viagem.", "A chuva não foi empecilho para a viagem."),
    ("iorgute", "iogurte", "Comprei iorgute de morango.", "Comprei iogurte de morango."),
    ("mortandela", "mortadela", "Ele pediu um sanduíche de mortandela.", "Ele pediu um sanduíche de mortadela."),
    ("poblema", "problema", "Esse poblema é fácil.", "Esse problema é fácil."),
    ("salchicha", "salsicha", "O cachorro-quente tem salchicha.", "O cachorro-quente tem salsicha."),
    ("menas", "menos", "Hoje vieram menas pessoas.", "Hoje vieram menos pessoas."),
    ("seje", "seja", "Espero que o dia seje bom.", "Espero que o dia seja bom."),
    ("esteje", "esteja", "Talvez ele esteje em casa.", "Talvez ele esteja em casa."),
    ("trousse", "trouxe", "Ela trousse um bolo.", "Ela trouxe um bolo."),
    ("ancioso", "ansioso", "Estou ancioso pela viagem.", "Estou ansioso pela viagem."),
    ("paralizar", "paralisar", "A greve vai paralizar o metrô.", "A greve vai paralisar o metrô."),
    ("analizar", "analisar", "Precisamos analizar os dados.", "Precisamos analisar os dados."),
    ("pesquizar", "pesquisar", "Vou pesquizar o assunto.", "Vou pesquisar o assunto."),
    ("chícara", "xícara", "Quero uma chícara de café.", "Quero uma xícara de café."),
    ("cincoenta", "cinquenta", "O livro custa cincoenta reais.", "O livro custa cinquenta reais."),
    ("metereologia", "meteorologia", "A metereologia prevê chuva.", "A meteorologia prevê chuva."),
    ("largatixa", "lagartixa", "Vi uma largatixa na parede.", "Vi uma lagartixa na parede."),
    ("apartir", "a partir", "A loja abre apartir das nove.", "A loja abre a partir das nove."),
    ("porisso", "por isso", "Choveu, porisso fiquei em casa.", "Choveu, por isso fiquei em casa."),
    ("sombrancelha", "sobrancelha", "Ela pintou a sombrancelha.", "Ela pintou a sobrancelha."),
    ("prazeiroso", "prazeroso", "Foi um passeio prazeiroso.", "Foi um passeio prazeroso."),
    ("compania", "companhia", "Obrigado pela compania.", "Obrigado pela companhia."),
    ("freiar", "frear", "Ele não conseguiu freiar a tempo.", "Ele não conseguiu frear a tempo."),
    ("asterístico", "asterisco", "Marque a resposta com um asterístico.", "Marque a resposta com um asterisco."),
]
# Erros que só fazem sentido numa frase ("agente" e "encima" também existem como palavras).
USAGE_ERRORS = [
    ("Agente vai ao cinema hoje.", "A gente vai ao cinema hoje."),
    ("O livro está encima da mesa.", "O livro está em cima da mesa."),
    ("Eu queria ir, mais estava cansado.", "Eu queria ir, mas estava cansado."),
    ("Ela trouxe um livro para mim ler.", "Ela trouxe um livro para eu ler."),
    ("Fazem dois anos que moro aqui.", "Faz dois anos que moro aqui."),
    ("Houveram muitos problemas na obra.", "Houve muitos problemas na obra."),
    ("A entrada do show é gratuíta.", "A entrada do show é gratuita."),
]
SPELLING_WORD_TEMPLATES = [
    ('Qual é a forma correta: "{a}" ou "{b}"?', ""),
    ('Qual se escreve certo, "{a}" ou "{b}"?', ""),
    ("Escolha a grafia correta.", "{a} ou {b}"),
    ('Qual destas formas está certa: "{a}" ou "{b}"?', ""),
]
SPELLING_SENTENCE_TEMPLATES = [
    ("Corrija o erro da frase.", "{s}"),
    ("Reescreva a frase sem o erro de português.", "{s}"),
    ("Encontre e corrija o erro desta frase.", "{s}"),
    ('Corrija a frase: "{s}"', ""),
]


def build_gramatica(rng: random.Random) -> list[dict]:
    out = []
    for word, plural in rng.sample(PLURALS, 28):
        instruction, input_ = rng.choice(PLURAL_TEMPLATES)
        out.append(entry(instruction.format(w=word), input_.format(w=word),
                         f'O plural de "{word}" é "{plural}".', "gramatica"))
    for word, feminine in rng.sample(FEMININES, 16):
        instruction, input_ = rng.choice(FEMININE_TEMPLATES)
        out.append(entry(instruction.format(w=word), input_.format(w=word),
                         f'O feminino de "{word}" é "{feminine}".', "gramatica"))
    combos = [(verb, tense, i) for verb in CONJUGATIONS for tense in ("presente", "pretérito perfeito")
              for i in range(4)]
    for verb, tense, i in rng.sample(combos, 32):
        pronoun = rng.choice(PERSONS[i])
        form = CONJUGATIONS[verb][tense][i]
        instruction, input_ = rng.choice(CONJUGATION_TEMPLATES)
        fields = {"v": verb, "t": tense, "p": pronoun}
        out.append(entry(instruction.format(**fields), input_.format(**fields), f"{pronoun} {form}", "gramatica"))
    for wrong, right, needs in CRASE:
        instruction, input_ = rng.choice(CRASE_TEMPLATES)
        answer = ("Sim. " if needs else "Não. ") + right
        out.append(entry(instruction.format(s=wrong), input_.format(s=wrong), answer, "gramatica"))
    spelling = list(SPELLING)
    rng.shuffle(spelling)
    for k, (wrong, right, sentence, fixed) in enumerate(spelling):
        if k % 2 == 0:
            a, b = (wrong, right) if rng.random() < 0.5 else (right, wrong)
            instruction, input_ = rng.choice(SPELLING_WORD_TEMPLATES)
            out.append(entry(instruction.format(a=a, b=b), input_.format(a=a, b=b),
                             f'O correto é "{right}".', "gramatica"))
        else:
            instruction, input_ = rng.choice(SPELLING_SENTENCE_TEMPLATES)
            out.append(entry(instruction.format(s=sentence), input_.format(s=sentence), fixed, "gramatica"))
    for sentence, fixed in USAGE_ERRORS:
        instruction, input_ = rng.choice(SPELLING_SENTENCE_TEMPLATES)
        out.append(entry(instruction.format(s=sentence), input_.format(s=sentence), fixed, "gramatica"))
    return out


# ---------------------------------------------------------------------------------------------------------
# sinonimos_antonimos: só pares sem ambiguidade; a pergunta vai na direção indicada (e nas duas quando o
# último campo é True).
# ---------------------------------------------------------------------------------------------------------

SYNONYMS = [
    ("alegre", "feliz", True), ("bonito", "belo", True), ("rápido", "veloz", True), ("começar", "iniciar", True),
    ("terminar", "acabar", True), ("carro", "automóvel", True), ("falecer", "morrer", False),
    ("fácil", "simples", False), ("certo", "correto", True), ("errado", "incorreto", True),
    ("zangado", "bravo", False), ("calmo", "tranquilo", True), ("morar", "residir", True),
    ("achar", "encontrar", True), ("ajudar", "auxiliar", True), ("longe", "distante", True),
    ("perto", "próximo", False), ("pedra", "rocha", True), ("menino", "garoto", True), ("menina", "garota", True),
    ("barulho", "ruído", True), ("medo", "temor", True), ("colocar", "pôr", True),
    ("escolher", "selecionar", True), ("gostoso", "saboroso", True), ("contente", "satisfeito", False),
    ("rosto", "face", False), ("construir", "edificar", True), ("voltar", "regressar", True),
    ("mostrar", "exibir", True), ("acreditar", "crer", True), ("pular", "saltar", True),
    ("desejar", "querer", False), ("usar", "utilizar", True), ("educado", "gentil", False),
    ("exausto", "cansado", False), ("enorme", "gigantesco", True), ("professor", "docente", False),
    ("casa", "lar", False), ("triste", "infeliz", False),
    ("olhar", "observar", False), ("limpo", "asseado", False),
    ("difícil", "complicado", True), ("esperto", "inteligente", False), ("aguardar", "esperar", False),
]
SYNONYM_TEMPLATES = [
    ('Qual é um sinônimo de "{w}"?', ""),
    ('Dê um sinônimo para a palavra "{w}".', ""),
    ("Escreva um sinônimo da palavra.", "{w}"),
    ('Cite uma palavra com o mesmo sentido de "{w}".', ""),
    ("Diga uma palavra que signifique o mesmo que esta.", "{w}"),
]

ANTONYMS = [
    ("alto", "baixo", True), ("grande", "pequeno", True), ("quente", "frio", True), ("claro", "escuro", True),
    ("rico", "pobre", True), ("cheio", "vazio", True), ("forte", "fraco", True), ("rápido", "lento", True),
    ("gordo", "magro", True), ("feliz", "triste", True), ("abrir", "fechar", True), ("entrar", "sair", True),
    ("subir", "descer", True), ("dia", "noite", True), ("bom", "mau", True), ("certo", "errado", True),
    ("começo", "fim", True), ("perto", "longe", True), ("dentro", "fora", True), ("sempre", "nunca", True),
    ("tudo", "nada", True), ("comprar", "vender", True), ("ganhar", "perder", False), ("limpo", "sujo", True),
    ("duro", "mole", True), ("largo", "estreito", True), ("pesado", "leve", True), ("caro", "barato", True),
    ("verdade", "mentira", True), ("amor", "ódio", True), ("paz", "guerra", True), ("seco", "molhado", True),
    ("doce", "amargo", False), ("vivo", "morto", True), ("antes", "depois", True), ("acender", "apagar", True),
    ("mais", "menos", True), ("cedo", "tarde", False), ("primeiro", "último", True), ("aceitar", "recusar", True),
    ("amigo", "inimigo", True), ("lembrar", "esquecer", True), ("fácil", "difícil", True),
    ("possível", "impossível", True), ("igual", "diferente", True), ("alegria", "tristeza", True),
    ("presente", "ausente", True), ("novo", "velho", False), ("em cima", "embaixo", True),
    ("início", "final", False), ("nascer", "morrer", False),
    ("chegada", "partida", True), ("ligar", "desligar", True), ("cheiroso", "fedorento", True),
]
ANTONYM_TEMPLATES = [
    ('Qual é o antônimo de "{w}"?', ""),
    ('Dê o contrário de "{w}".', ""),
    ("Escreva o antônimo da palavra.", "{w}"),
    ('Qual palavra tem sentido oposto ao de "{w}"?', ""),
    ("Diga o contrário desta palavra.", "{w}"),
]


def build_sinonimos(rng: random.Random) -> list[dict]:
    out = []
    for pairs, templates, answer, count in (
        (SYNONYMS, SYNONYM_TEMPLATES, 'Um sinônimo de "{w}" é "{a}".', 56),
        (ANTONYMS, ANTONYM_TEMPLATES, 'O antônimo de "{w}" é "{a}".', 64),
    ):
        pairs = list(pairs)
        rng.shuffle(pairs)
        made = []
        for first, second, both in pairs:
            # Os dois sentidos de um par usam formulações diferentes; com a mesma, seriam quase duplicatas.
            directions = [(first, second), (second, first)] if both else [(first, second)]
            for (word, other), (instruction, input_) in zip(directions, rng.sample(templates, len(directions))):
                made.append(entry(instruction.format(w=word), input_.format(w=word),
                                  answer.format(w=word, a=other), "sinonimos_antonimos"))
        out.extend(made[:count])
    return out


# ---------------------------------------------------------------------------------------------------------
# reescrita: frases escritas à mão, cada par conferido.
# ---------------------------------------------------------------------------------------------------------

ACTIVE_TO_PASSIVE = [
    ("O menino quebrou a janela.", "A janela foi quebrada pelo menino."),
    ("A professora corrigiu as provas.", "As provas foram corrigidas pela professora."),
    ("O cachorro mordeu o carteiro.", "O carteiro foi mordido pelo cachorro."),
    ("Maria escreveu a carta.", "A carta foi escrita por Maria."),
    ("Os alunos pintaram o muro.", "O muro foi pintado pelos alunos."),
    ("O vento derrubou a árvore.", "A árvore foi derrubada pelo vento."),
    ("A chuva molhou as roupas.", "As roupas foram molhadas pela chuva."),
    ("O cozinheiro preparou o jantar.", "O jantar foi preparado pelo cozinheiro."),
    ("Pedro comprou o carro.", "O carro foi comprado por Pedro."),
    ("A empresa contratou dois técnicos.", "Dois técnicos foram contratados pela empresa."),
    ("O gato comeu o peixe.", "O peixe foi comido pelo gato."),
    ("Ana lavou os pratos.", "Os pratos foram lavados por Ana."),
    ("O juiz apitou o jogo.", "O jogo foi apitado pelo juiz."),
    ("Os bombeiros apagaram o incêndio.", "O incêndio foi apagado pelos bombeiros."),
    ("O médico examinou o paciente.", "O paciente foi examinado pelo médico."),
    ("A banda tocou a música.", "A música foi tocada pela banda."),
    ("O pedreiro construiu a casa.", "A casa foi construída pelo pedreiro."),
    ("Lucas abriu a porta.", "A porta foi aberta por Lucas."),
    ("Os turistas visitam o museu.", "O museu é visitado pelos turistas."),
]
PASSIVE_TO_ACTIVE = [
    ("O bolo foi feito pela mãe.", "A mãe fez o bolo."),
    ("A geladeira foi consertada pelo técnico.", "O técnico consertou a geladeira."),
    ("O livro foi lido pela turma.", "A turma leu o livro."),
    ("A escola foi inaugurada pelo prefeito.", "O prefeito inaugurou a escola."),
    ("O ladrão foi preso pela polícia.", "A polícia prendeu o ladrão."),
    ("As plantas foram regadas pelo vizinho.", "O vizinho regou as plantas."),
    ("A corrida foi vencida por Carla.", "Carla venceu a corrida."),
    ("As cartas são entregues pelo carteiro.", "O carteiro entrega as cartas."),
]
PASSIVE_TEMPLATES = [
    ("Passe a frase para a voz passiva.", "{s}"),
    ("Reescreva a frase na voz passiva.", "{s}"),
    ('Transforme em voz passiva: "{s}"', ""),
    ("Escreva a mesma ideia na voz passiva.", "{s}"),
]
ACTIVE_TEMPLATES = [
    ("Passe a frase para a voz ativa.", "{s}"),
    ("Reescreva a frase na voz ativa.", "{s}"),
    ('Transforme em voz ativa: "{s}"', ""),
    ("Escreva a mesma ideia na voz ativa.", "{s}"),
]

INFORMAL_TO_FORMAL = [
    ("Valeu pela ajuda!", "Muito obrigado pela ajuda."),
    ("Cê vai na festa?", "Você vai à festa?"),
    ("Tô cansado.", "Estou cansado."),
    ("A gente se vê amanhã.", "Nós nos vemos amanhã."),
    ("Tá tudo certo.", "Está tudo certo."),
    ("Me empresta a caneta?", "Você poderia me emprestar a caneta?"),
    ("Pra onde você vai?", "Para onde você vai?"),
    ("Foi mal pelo atraso.", "Peço desculpas pelo atraso."),
    ("Bora almoçar?", "Vamos almoçar?"),
    ("Tá muito calor hoje.", "Está muito calor hoje."),
    ("Oi, tudo bem?", "Olá, como vai?"),
    ("Tô chegando.", "Estou chegando."),
    ("Cadê o relatório?", "Onde está o relatório?"),
]
FORMAL_TO_INFORMAL = [
    ("Poderia fechar a porta, por favor?", "Fecha a porta?"),
    ("Agradeço a sua atenção.", "Valeu pela atenção!"),
    ("Nós vamos nos atrasar.", "A gente vai se atrasar."),
    ("Estou com muita fome.", "Tô com muita fome."),
    ("Você está em casa?", "Cê tá em casa?"),
    ("Desejo-lhe uma boa viagem.", "Boa viagem!"),
    ("Aguarde um momento, por favor.", "Espera um pouco."),
    ("Vamos ao cinema hoje?", "Bora no cinema hoje?"),
    ("Não há problema algum.", "Sem problema!"),
    ("Onde está a sua irmã?", "Cadê sua irmã?"),
]
FORMAL_TEMPLATES = [
    ("Reescreva a frase em linguagem formal.", "{s}"),
    ("Deixe a frase mais formal.", "{s}"),
    ('Passe para o registro formal: "{s}"', ""),
    ("Escreva esta frase de um jeito formal.", "{s}"),
]
INFORMAL_TEMPLATES = [
    ("Reescreva a frase em linguagem informal.", "{s}"),
    ("Deixe a frase mais informal.", "{s}"),
    ('Passe para o registro informal: "{s}"', ""),
    ("Escreva esta frase como numa conversa entre amigos.", "{s}"),
]

TO_PLURAL = [
    ("O menino está feliz.", "Os meninos estão felizes."),
    ("A flor é bonita.", "As flores são bonitas."),
    ("O cão late alto.", "Os cães latem alto."),
    ("A criança brinca no parque.", "As crianças brincam no parque."),
    ("O pássaro voa.", "Os pássaros voam."),
    ("A mulher é médica.", "As mulheres são médicas."),
    ("O pão está quente.", "Os pães estão quentes."),
    ("O animal dorme.", "Os animais dormem."),
    ("O carro é azul.", "Os carros são azuis."),
    ("A lição é fácil.", "As lições são fáceis."),
    ("O papel é branco.", "Os papéis são brancos."),
    ("A luz está acesa.", "As luzes estão acesas."),
    ("O aluno chegou cedo.", "Os alunos chegaram cedo."),
    ("A casa é grande.", "As casas são grandes."),
    ("O jardim está florido.", "Os jardins estão floridos."),
    ("O limão é azedo.", "Os limões são azedos."),
    ("A estrela brilha.", "As estrelas brilham."),
    ("O homem trabalha muito.", "Os homens trabalham muito."),
]
TO_SINGULAR = [
    ("As árvores cresceram.", "A árvore cresceu."),
    ("Os trens saíram atrasados.", "O trem saiu atrasado."),
    ("Os jornais são antigos.", "O jornal é antigo."),
    ("As nuvens estão escuras.", "A nuvem está escura."),
    ("Os ônibus estão cheios.", "O ônibus está cheio."),
    ("Os lápis caíram.", "O lápis caiu."),
    ("Os anéis são de ouro.", "O anel é de ouro."),
]
PLURAL_SENTENCE_TEMPLATES = [
    ("Passe a frase para o plural.", "{s}"),
    ("Reescreva a frase no plural.", "{s}"),
    ('Coloque no plural: "{s}"', ""),
    ("Escreva a frase no plural, com a concordância certa.", "{s}"),
]
SINGULAR_SENTENCE_TEMPLATES = [
    ("Passe a frase para o singular.", "{s}"),
    ("Reescreva a frase no singular.", "{s}"),
    ('Coloque no singular: "{s}"', ""),
    ("Escreva a frase no singular, com a concordância certa.", "{s}"),
]

TO_PAST = [
    ("Eu como pão.", "Eu comi pão."),
    ("Ela canta bem.", "Ela cantou bem."),
    ("Eles jogam bola.", "Eles jogaram bola."),
    ("Eu faço o almoço.", "Eu fiz o almoço."),
    ("Ela vai à escola.", "Ela foi à escola."),
    ("Eu tenho uma ideia.", "Eu tive uma ideia."),
    ("Você diz a verdade.", "Você disse a verdade."),
    ("Eles trazem frutas.", "Eles trouxeram frutas."),
    ("O gato bebe leite.", "O gato bebeu leite."),
    ("Eu vejo o mar.", "Eu vi o mar."),
    ("Ela abre a janela.", "Ela abriu a janela."),
    ("Nós fazemos a lição.", "Nós fizemos a lição."),
    ("Ele pode sair.", "Ele pôde sair."),
    ("Eu quero ajudar.", "Eu quis ajudar."),
    ("Eles vêm de ônibus.", "Eles vieram de ônibus."),
    ("Ela põe a mesa.", "Ela pôs a mesa."),
    ("Eu leio o jornal.", "Eu li o jornal."),
    ("Nós vamos ao parque.", "Nós fomos ao parque."),
    ("O time vence o jogo.", "O time venceu o jogo."),
    ("A loja fecha cedo.", "A loja fechou cedo."),
    ("Eu dou um presente.", "Eu dei um presente."),
    ("Ele corre no parque.", "Ele correu no parque."),
    ("Você chega tarde.", "Você chegou tarde."),
    ("Eles dormem cedo.", "Eles dormiram cedo."),
]
TO_PRESENT = [
    ("Ela escreveu uma carta.", "Ela escreve uma carta."),
    ("Eu bebi água.", "Eu bebo água."),
    ("Eles viram o filme.", "Eles veem o filme."),
    ("Ele fez o jantar.", "Ele faz o jantar."),
    ("Eu fui ao mercado.", "Eu vou ao mercado."),
    ("Ela trouxe o livro.", "Ela traz o livro."),
]
PAST_TEMPLATES = [
    ("Passe a frase para o pretérito perfeito.", "{s}"),
    ("Reescreva a frase no passado (pretérito perfeito).", "{s}"),
    ('Coloque o verbo no pretérito perfeito: "{s}"', ""),
    ("Conte o que aconteceu: passe o verbo para o pretérito perfeito.", "{s}"),
]
PRESENT_TEMPLATES = [
    ("Passe a frase para o presente.", "{s}"),
    ("Reescreva a frase no presente do indicativo.", "{s}"),
    ('Coloque o verbo no presente: "{s}"', ""),
    ("Troque o tempo verbal para o presente.", "{s}"),
]

TO_NEGATIVE = [
    ("Eu gosto de chuva.", "Eu não gosto de chuva."),
    ("Ela mora aqui.", "Ela não mora aqui."),
    ("Nós vamos viajar.", "Nós não vamos viajar."),
    ("O ônibus chegou.", "O ônibus não chegou."),
    ("Eles sabem nadar.", "Eles não sabem nadar."),
    ("A loja está aberta.", "A loja não está aberta."),
    ("Eu comi o bolo.", "Eu não comi o bolo."),
    ("Ele fala inglês.", "Ele não fala inglês."),
    ("Você pode entrar.", "Você não pode entrar."),
    ("O filme foi bom.", "O filme não foi bom."),
    ("Choveu ontem.", "Não choveu ontem."),
    ("As crianças dormiram.", "As crianças não dormiram."),
]
NEGATIVE_TEMPLATES = [
    ("Passe a frase para a forma negativa.", "{s}"),
    ("Reescreva a frase na negativa.", "{s}"),
    ('Negue a frase: "{s}"', ""),
    ("Escreva o contrário da frase usando \"não\".", "{s}"),
]


def build_reescrita(rng: random.Random) -> list[dict]:
    out = []
    for pairs, templates in (
        (ACTIVE_TO_PASSIVE, PASSIVE_TEMPLATES), (PASSIVE_TO_ACTIVE, ACTIVE_TEMPLATES),
        (INFORMAL_TO_FORMAL, FORMAL_TEMPLATES), (FORMAL_TO_INFORMAL, INFORMAL_TEMPLATES),
        (TO_PLURAL, PLURAL_SENTENCE_TEMPLATES), (TO_SINGULAR, SINGULAR_SENTENCE_TEMPLATES),
        (TO_PAST, PAST_TEMPLATES), (TO_PRESENT, PRESENT_TEMPLATES), (TO_NEGATIVE, NEGATIVE_TEMPLATES),
    ):
        for sentence, rewritten in pairs:
            instruction, input_ = rng.choice(templates)
            out.append(entry(instruction.format(s=sentence), input_.format(s=sentence), rewritten, "reescrita"))
    return out


# ---------------------------------------------------------------------------------------------------------
# definicoes: uma frase por palavra, sempre no formato "Palavra é ...".
# ---------------------------------------------------------------------------------------------------------

DEFINITIONS = [
    ("mesa", "Mesa é um móvel com um tampo plano apoiado em pernas."),
    ("cadeira", "Cadeira é um assento com encosto, para uma pessoa."),
    ("cama", "Cama é o móvel usado para deitar e dormir."),
    ("geladeira", "Geladeira é o eletrodoméstico que conserva os alimentos no frio."),
    ("fogão", "Fogão é o aparelho usado para cozinhar os alimentos."),
    ("relógio", "Relógio é o instrumento que marca as horas."),
    ("tesoura", "Tesoura é um instrumento com duas lâminas, usado para cortar."),
    ("guarda-chuva", "Guarda-chuva é um objeto que protege as pessoas da chuva."),
    ("espelho", "Espelho é uma superfície lisa que reflete as imagens."),
    ("janela", "Janela é uma abertura na parede que deixa entrar luz e ar."),
    ("chave", "Chave é o objeto usado para abrir e fechar fechaduras."),
    ("livro", "Livro é um conjunto de páginas escritas, presas por uma capa."),
    ("dicionário", "Dicionário é um livro que explica o significado das palavras."),
    ("mapa", "Mapa é a representação de um lugar, desenhada como se fosse vista de cima."),
    ("calendário", "Calendário é uma tabela com os dias, as semanas e os meses do ano."),
    ("padaria", "Padaria é a loja onde se fazem e se vendem pães."),
    ("farmácia", "Farmácia é a loja que vende remédios."),
    ("hospital", "Hospital é o lugar onde os doentes recebem tratamento médico."),
    ("escola", "Escola é o lugar onde as pessoas estudam e aprendem."),
    ("biblioteca", "Biblioteca é o lugar onde ficam livros para leitura e empréstimo."),
    ("museu", "Museu é o lugar que guarda e expõe obras e objetos de valor histórico ou artístico."),
    ("feira", "Feira é um mercado ao ar livre, com barracas de produtos."),
    ("vizinho", "Vizinho é a pessoa que mora perto de nós."),
    ("pão", "Pão é um alimento feito de farinha, água e fermento, assado no forno."),
    ("leite", "Leite é o líquido branco que as fêmeas dos mamíferos produzem para alimentar os filhotes."),
    ("café", "Café é a bebida feita com os grãos torrados e moídos do cafeeiro."),
    ("arroz", "Arroz é um cereal cujo grão é muito usado na alimentação."),
    ("feijão", "Feijão é a semente de uma planta leguminosa, muito comum na comida brasileira."),
    ("sal", "Sal é um tempero branco formado principalmente por cloreto de sódio."),
    ("açúcar", "Açúcar é uma substância doce obtida da cana ou da beterraba."),
    ("praia", "Praia é a faixa de areia à beira do mar."),
    ("ilha", "Ilha é uma porção de terra cercada de água por todos os lados."),
    ("rio", "Rio é uma corrente natural de água doce que corre para o mar, um lago ou outro rio."),
    ("lago", "Lago é uma porção de água cercada de terra."),
    ("montanha", "Montanha é uma grande elevação natural do terreno."),
    ("deserto", "Deserto é uma região onde chove muito pouco."),
    ("floresta", "Floresta é uma grande área coberta de árvores."),
    ("cidade", "Cidade é uma área urbana com muitas casas, ruas e serviços."),
    ("semana", "Semana é um período de sete dias."),
    ("século", "Século é um período de cem anos."),
    ("década", "Década é um período de dez anos."),
    ("mês", "Mês é cada uma das doze partes em que se divide o ano."),
    ("alfabeto", "Alfabeto é o conjunto das letras de uma língua, em ordem."),
    ("verbo", "Verbo é a palavra que indica ação, estado ou fenômeno."),
    ("substantivo", "Substantivo é a palavra que dá nome a seres, objetos, lugares e ideias."),
    ("adjetivo", "Adjetivo é a palavra que indica uma qualidade ou característica."),
    ("sinônimo", "Sinônimo é uma palavra de sentido igual ou parecido ao de outra."),
    ("antônimo", "Antônimo é uma palavra de sentido oposto ao de outra."),
    ("poema", "Poema é um texto escrito em versos."),
    ("dinheiro", "Dinheiro é o meio usado para pagar produtos e serviços."),
    ("salário", "Salário é o pagamento que um trabalhador recebe pelo seu trabalho."),
    ("carteiro", "Carteiro é o profissional que entrega cartas e encomendas."),
    ("padeiro", "Padeiro é o profissional que faz pães."),
    ("médico", "Médico é o profissional que cuida da saúde e trata doenças."),
    ("dentista", "Dentista é o profissional que cuida dos dentes."),
    ("bombeiro", "Bombeiro é o profissional que apaga incêndios e faz resgates."),
    ("agricultor", "Agricultor é a pessoa que trabalha cultivando a terra."),
    ("fotossíntese",
     "Fotossíntese é o processo em que as plantas usam luz, água e gás carbônico para fazer seu alimento."),
    ("célula", "Célula é a menor unidade viva que forma os seres vivos."),
    ("átomo", "Átomo é a menor partícula de um elemento químico que mantém suas propriedades."),
    ("molécula", "Molécula é um grupo de átomos ligados entre si."),
    ("gravidade", "Gravidade é a força de atração entre os corpos que têm massa."),
    ("planeta", "Planeta é um corpo celeste que gira em torno de uma estrela."),
    ("estrela", "Estrela é um corpo celeste que produz luz e calor próprios."),
    ("satélite natural", "Satélite natural é um corpo celeste que gira em torno de um planeta, como a Lua."),
    ("mamífero", "Mamífero é o animal cujas fêmeas amamentam os filhotes."),
    ("réptil", "Réptil é um animal de pele coberta de escamas, como a cobra e o jacaré."),
    ("anfíbio", "Anfíbio é o animal que vive parte da vida na água e parte na terra, como o sapo."),
    ("inseto", "Inseto é um animal pequeno com seis patas, como a formiga."),
    ("herbívoro", "Herbívoro é o animal que se alimenta de plantas."),
    ("carnívoro", "Carnívoro é o animal que se alimenta de carne."),
    ("onívoro", "Onívoro é o animal que come tanto plantas quanto carne."),
    ("evaporação", "Evaporação é a passagem lenta de um líquido para o estado gasoso."),
    ("condensação", "Condensação é a passagem do estado gasoso para o estado líquido."),
    ("fusão", "Fusão é a passagem do estado sólido para o estado líquido."),
    ("solidificação", "Solidificação é a passagem do estado líquido para o estado sólido."),
    ("termômetro", "Termômetro é o instrumento que mede a temperatura."),
    ("bússola", "Bússola é um instrumento com uma agulha magnética que aponta para o norte."),
    ("microscópio", "Microscópio é o instrumento que amplia a imagem de objetos muito pequenos."),
    ("telescópio", "Telescópio é o instrumento usado para observar objetos distantes, como os astros."),
    ("vacina", "Vacina é uma substância que ensina o corpo a se defender de uma doença."),
    ("vírus", "Vírus é um agente muito pequeno que só se reproduz dentro de células vivas."),
    ("bactéria", "Bactéria é um ser vivo microscópico formado por uma única célula."),
    ("clima", "Clima é o conjunto das condições do tempo de uma região ao longo dos anos."),
    ("ecossistema", "Ecossistema é o conjunto dos seres vivos de um lugar e do ambiente em que vivem."),
    ("oxigênio", "Oxigênio é um gás do ar, necessário à respiração da maioria dos seres vivos."),
    ("músculo", "Músculo é o tecido do corpo que se contrai e permite os movimentos."),
    ("esqueleto", "Esqueleto é o conjunto dos ossos do corpo."),
    ("coração", "Coração é o órgão que bombeia o sangue pelo corpo."),
    ("pulmão", "Pulmão é o órgão da respiração, onde o sangue recebe oxigênio do ar."),
    ("energia solar", "Energia solar é a energia obtida da luz do Sol."),
    ("fóssil", "Fóssil é um resto ou vestígio de ser vivo antigo preservado nas rochas."),
    ("vulcão", "Vulcão é uma abertura na crosta da Terra por onde sai lava."),
    ("terremoto", "Terremoto é um tremor da crosta terrestre."),
    ("continente", "Continente é cada uma das grandes massas de terra do planeta, como a África."),
    ("oceano", "Oceano é uma grande extensão de água salgada que cobre boa parte da Terra."),
    ("número par", "Número par é o número inteiro que pode ser dividido por 2 sem deixar resto."),
    ("número primo", "Número primo é o número natural maior que 1 que só é divisível por 1 e por ele mesmo."),
    ("triângulo", "Triângulo é uma figura plana com três lados."),
    ("quadrado", "Quadrado é uma figura plana com quatro lados iguais e quatro ângulos retos."),
    ("círculo", "Círculo é a região plana limitada por uma circunferência."),
    ("perímetro", "Perímetro é a soma das medidas dos lados de uma figura."),
    ("dúzia", "Dúzia é um conjunto de doze unidades."),
    ("metade", "Metade é cada uma das duas partes iguais de um todo."),
    ("ângulo reto", "Ângulo reto é o ângulo que mede 90 graus."),
    ("eclipse", "Eclipse é o encobrimento total ou parcial de um astro por outro ou pela sombra de outro."),
    ("chuva", "Chuva é a água que cai das nuvens em gotas."),
    ("neve", "Neve é a água congelada que cai das nuvens em flocos."),
    ("arco-íris", "Arco-íris é a faixa de cores que aparece no céu quando a luz do Sol atravessa gotas de chuva."),
    ("bicicleta", "Bicicleta é um veículo de duas rodas movido a pedal."),
    ("aeroporto", "Aeroporto é o lugar onde os aviões pousam e decolam."),
    ("ponte", "Ponte é uma construção que liga dois lugares separados por um rio, um vale ou uma via."),
]
DEFINITION_TEMPLATES = [
    ("O que é {w}?", ""),
    ('Defina "{w}" em uma frase.', ""),
    ("Explique em poucas palavras o que é {w}.", ""),
    ('O que significa a palavra "{w}"?', ""),
    ("Dê uma definição curta da palavra.", "{w}"),
    ("Defina o termo abaixo em uma frase.", "{w}"),
]


def build_definicoes(rng: random.Random) -> list[dict]:
    out = []
    for word, definition in DEFINITIONS:
        instruction, input_ = rng.choice(DEFINITION_TEMPLATES)
        if " " in word and "{w}" in instruction and '"' not in instruction:
            instruction = instruction.replace("{w}", '"{w}"')
        out.append(entry(instruction.format(w=word), input_.format(w=word), definition, "definicoes"))
    return out


# ---------------------------------------------------------------------------------------------------------
# aritmetica: contas diretas respondem só o número; problemas respondem com uma frase curta.
# ---------------------------------------------------------------------------------------------------------

ADD_TEMPLATES = [
    ("Quanto é {a} + {b}?", ""),
    ("Calcule {a} mais {b}.", ""),
    ("Qual é a soma de {a} e {b}?", ""),
    ("Some os números.", "{a} e {b}"),
    ("Resolva a conta.", "{a} + {b}"),
    ("Quanto dá {a} mais {b}?", ""),
]
SUB_TEMPLATES = [
    ("Quanto é {a} - {b}?", ""),
    ("Calcule {a} menos {b}.", ""),
    ("Qual é a diferença entre {a} e {b}?", ""),
    ("Subtraia {b} de {a}.", ""),
    ("Resolva a conta.", "{a} - {b}"),
    ("Quanto dá {a} menos {b}?", ""),
]
MUL_TEMPLATES = [
    ("Quanto é {a} × {b}?", ""),
    ("Calcule {a} vezes {b}.", ""),
    ("Qual é o produto de {a} por {b}?", ""),
    ("Multiplique {a} por {b}.", ""),
    ("Resolva a conta.", "{a} × {b}"),
    ("Quanto dá {a} vezes {b}?", ""),
]
DOUBLE_TEMPLATES = [
    ("Qual é o dobro de {a}?", ""),
    ("Calcule o dobro de {a}.", ""),
    ("Quanto é o dobro do número?", "{a}"),
    ("Diga o dobro de {a}.", ""),
]
HALF_TEMPLATES = [
    ("Qual é a metade de {a}?", ""),
    ("Calcule a metade de {a}.", ""),
    ("Quanto é a metade do número?", "{a}"),
    ("Divida {a} por 2.", ""),
]
TRIPLE_TEMPLATES = [
    ("Qual é o triplo de {a}?", ""),
    ("Calcule o triplo de {a}.", ""),
    ("Quanto é o triplo do número?", "{a}"),
    ("Diga o triplo de {a}.", ""),
]

NAMES = [
    ("Ana", "f"), ("João", "m"), ("Maria", "f"), ("Pedro", "m"), ("Lucas", "m"), ("Júlia", "f"), ("Carla", "f"),
    ("Rafael", "m"), ("Beatriz", "f"), ("Gabriel", "m"), ("Marina", "f"), ("Tiago", "m"), ("Sofia", "f"),
    ("Davi", "m"), ("Laura", "f"), ("Mateus", "m"), ("Helena", "f"), ("Bruno", "m"), ("Clara", "f"),
    ("Felipe", "m"), ("Renata", "f"), ("Igor", "m"), ("Luana", "f"), ("Caio", "m"), ("Bianca", "f"),
    ("Vítor", "m"), ("Alice", "f"), ("Diego", "m"), ("Lívia", "f"), ("Otávio", "m"),
]
# Objetos contáveis, no plural, com o gênero (para "quantos"/"quantas").
OBJECTS = [
    ("maçãs", "f"), ("laranjas", "f"), ("balas", "f"), ("figurinhas", "f"), ("canetas", "f"), ("bolinhas", "f"),
    ("flores", "f"), ("livros", "m"), ("lápis", "m"), ("biscoitos", "m"), ("selos", "m"), ("carrinhos", "m"),
    ("adesivos", "m"), ("bombons", "m"), ("ovos", "m"), ("cadernos", "m"),
]
# {n}: nome, {e}: ele/ela, {q}: quantos/quantas, {o}: objeto, {a} e {b}: números.
PROBLEMS = {
    "add1": ("{n} tem {a} {o} e ganha mais {b}. Com {q} {o} {e} fica?", "{n} fica com {r} {o}."),
    "add2": ("{n} comprou {a} {o} de manhã e {b} à tarde. {Q} {o} comprou ao todo?", "{n} comprou {r} {o} ao todo."),
    "sub1": ("{n} tinha {a} {o} e deu {b} a um amigo. Com {q} {o} {e} ficou?", "{n} ficou com {r} {o}."),
    "sub2": ("Uma caixa tem {a} {o}. {n} tira {b}. {Q} {o} sobram na caixa?", "Sobram {r} {o} na caixa."),
    "mul1": ("{n} comprou {a} pacotes com {b} {o} cada. {Q} {o} são ao todo?", "São {r} {o} ao todo."),
    "mul2": ("Há {a} caixas com {b} {o} em cada uma. {Q} {o} há ao todo?", "Há {r} {o} ao todo."),
    "div1": ("{n} vai repartir {a} {o} igualmente entre {b} amigos. {Q} {o} cada amigo recebe?",
             "Cada amigo recebe {r} {o}."),
}
PROBLEM_PREFIXES = ["", "Resolva o problema.", "Leia o problema e responda.", "Responda com uma frase curta."]


def _problem(rng: random.Random, kind: str) -> dict:
    name, gender = rng.choice(NAMES)
    obj, obj_gender = rng.choice(OBJECTS)
    if kind.startswith("add"):
        a, b = rng.randint(2, 40), rng.randint(2, 30)
        result = a + b
    elif kind.startswith("sub"):
        a = rng.randint(6, 60)
        b = rng.randint(2, a - 2)
        result = a - b
    elif kind.startswith("mul"):
        a, b = rng.randint(2, 9), rng.randint(2, 12)
        result = a * b
    else:
        b = rng.randint(2, 8)
        result = rng.randint(2, 10)
        a = b * result
    question, answer = PROBLEMS[kind]
    many = "quantas" if obj_gender == "f" else "quantos"
    fields = {"n": name, "e": "ela" if gender == "f" else "ele", "q": many, "Q": many.capitalize(), "o": obj,
              "a": fmt_number(a), "b": fmt_number(b), "r": fmt_number(result)}
    text = question.format(**fields)
    prefix = rng.choice(PROBLEM_PREFIXES)
    if prefix:
        return entry(prefix, text, answer.format(**fields), "aritmetica")
    return entry(text, "", answer.format(**fields), "aritmetica")


def _operation(rng: random.Random, kind: str) -> dict:
    if kind == "add":
        if rng.random() < 0.75:
            a, b = rng.randint(2, 99), rng.randint(2, 99)
        else:
            a, b = rng.randint(100, 999), rng.randint(10, 999)
        templates, result = ADD_TEMPLATES, a + b
    elif kind == "sub":
        a = rng.randint(12, 99) if rng.random() < 0.75 else rng.randint(100, 1500)
        b = rng.randint(2, a - 1)
        templates, result = SUB_TEMPLATES, a - b
    elif kind == "mul":
        if rng.random() < 0.8:
            a, b = rng.randint(2, 12), rng.randint(2, 12)
        else:
            a, b = rng.choice([15, 20, 25, 50, 100, 125]), rng.randint(2, 9)
        templates, result = MUL_TEMPLATES, a * b
    elif kind == "double":
        a = rng.randint(2, 60) if rng.random() < 0.7 else rng.randint(100, 900)
        templates, result = DOUBLE_TEMPLATES, 2 * a
        b = 0
    elif kind == "half":
        a = rng.randint(2, 200)
        templates, result = HALF_TEMPLATES, Fraction(a, 2)
        b = 0
    else:
        a = rng.randint(2, 40)
        templates, result = TRIPLE_TEMPLATES, 3 * a
        b = 0
    instruction, input_ = rng.choice(templates)
    fields = {"a": fmt_number(a), "b": fmt_number(b)}
    return entry(instruction.format(**fields), input_.format(**fields), fmt_number(result), "aritmetica")


def build_aritmetica(rng: random.Random) -> list[dict]:
    plan = (["add"] * 22 + ["sub"] * 20 + ["mul"] * 22 + ["double"] * 8 + ["half"] * 8 + ["triple"] * 5
            + [k for k in PROBLEMS for _ in range(6)])
    rng.shuffle(plan)
    out = []
    for kind in plan:
        out.append(_operation(rng, kind) if kind in {"add", "sub", "mul", "double", "half", "triple"}
                   else _problem(rng, kind))
    return out


# ---------------------------------------------------------------------------------------------------------
# conversao: resposta sempre "valor unidade = valor unidade", com os símbolos.
# ---------------------------------------------------------------------------------------------------------

UNIT_NAMES = {  # símbolo → (nome no plural, gênero)
    "km": ("quilômetros", "m"), "m": ("metros", "m"), "cm": ("centímetros", "m"), "kg": ("quilogramas", "m"),
    "g": ("gramas", "m"), "h": ("horas", "f"), "min": ("minutos", "m"), "s": ("segundos", "m"),
    "L": ("litros", "m"), "mL": ("mililitros", "m"), "dias": ("dias", "m"),
}
# (origem, destino, fator, valores de origem escolhidos para dar resultados exatos)
CONVERSIONS = [
    ("km", "m", Fraction(1000), ["2", "3", "7", "12", "0,5", "1,5", "2,5", "0,75", "4,8"]),
    ("m", "km", Fraction(1, 1000), ["1 000", "2 000", "500", "250", "1 500", "3 200", "750", "12 000", "4 500"]),
    ("m", "cm", Fraction(100), ["1", "2", "3", "0,5", "1,5", "1,75", "2,4", "0,25", "10"]),
    ("cm", "m", Fraction(1, 100), ["100", "200", "50", "150", "350", "25", "75", "1 000", "420"]),
    ("kg", "g", Fraction(1000), ["1", "2", "3", "0,5", "1,5", "2,5", "0,25", "0,75", "1,2"]),
    ("g", "kg", Fraction(1, 1000), ["1 000", "2 000", "500", "250", "1 500", "750", "3 000", "100", "12 500"]),
    ("h", "min", Fraction(60), ["1", "2", "3", "0,5", "1,5", "2,5", "0,25", "10", "0,75"]),
    ("min", "h", Fraction(1, 60), ["60", "120", "180", "30", "90", "150", "15", "45", "600"]),
    ("min", "s", Fraction(60), ["1", "2", "3", "5", "10", "0,5", "1,5", "2,5", "15"]),
    ("s", "min", Fraction(1, 60), ["60", "120", "180", "300", "30", "90", "150", "600", "45"]),
    ("L", "mL", Fraction(1000), ["1", "2", "0,5", "1,5", "0,25", "0,75", "3", "2,5", "10"]),
    ("mL", "L", Fraction(1, 1000), ["1 000", "500", "250", "1 500", "2 000", "750", "3 000", "200", "5 000"]),
    ("dias", "h", Fraction(24), ["2", "3", "4", "5", "7", "10", "2,5", "30", "6"]),
    ("h", "dias", Fraction(1, 24), ["48", "72", "96", "120", "168", "60", "240", "144"]),
]
CONVERSION_TEMPLATES = [
    ("Converta {v} {s} em {d}.", ""),
    ("{Q} {d} há em {v} {s}?", ""),
    ("{v} {s} {eq} a {q} {d}?", ""),
    ("Passe {v} {s} para {d}.", ""),
    ("Converta a medida para {d}.", "{v} {s}"),
    ("Escreva a medida em {d}.", "{v} {s}"),
]


def build_conversao(rng: random.Random) -> list[dict]:
    out = []
    for source, target, factor, values in CONVERSIONS:
        name, gender = UNIT_NAMES[target]
        many = "quantas" if gender == "f" else "quantos"
        for value in values:
            result = parse_number(value) * factor
            instruction, input_ = rng.choice(CONVERSION_TEMPLATES)
            fields = {"v": value, "s": source, "d": name, "q": many, "Q": many.capitalize(),
                      "eq": "equivale" if parse_number(value) < 2 else "equivalem"}
            answer = f"{value} {source} = {fmt_number(result)} {target}"
            out.append(entry(instruction.format(**fields), input_.format(**fields), answer, "conversao"))
    return out


# ---------------------------------------------------------------------------------------------------------
# classificacao: a resposta é sempre uma só palavra (ou um número).
# ---------------------------------------------------------------------------------------------------------

SENTIMENTS = {
    "positivo": [
        "Adorei o filme de ontem!", "O atendimento foi rápido e muito gentil.", "Que dia lindo para passear no parque.",
        "Fiquei muito feliz com o presente.", "A comida estava deliciosa.", "Passei na prova, que alegria!",
        "O hotel era limpo e confortável.", "Gostei muito da aula de hoje.", "Meu time ganhou o campeonato!",
        "A viagem foi maravilhosa.", "O livro é emocionante do começo ao fim.", "Recomendo esta loja a todos.",
        "Que bom rever você!", "O show foi incrível.", "Estou orgulhoso do meu trabalho.",
    ],
    "negativo": [
        "O filme foi muito chato.", "A comida chegou fria e sem sabor.", "Perdi o ônibus e cheguei atrasado.",
        "Odiei o atendimento da loja.", "O produto quebrou no primeiro dia.", "Que dia horrível, tudo deu errado.",
        "Estou muito decepcionado com o serviço.", "O quarto do hotel estava sujo.", "A fila demorou demais.",
        "Meu celular caiu e a tela rachou.", "O barulho da obra não me deixa dormir.", "A entrega atrasou outra vez.",
        "Fiquei triste com a notícia.", "O jogo foi uma decepção.", "Esse aplicativo trava o tempo todo.",
    ],
    "neutro": [
        "O ônibus passa às oito horas.", "A reunião será na sala 3.", "Hoje é terça-feira.",
        "O livro tem 200 páginas.", "A loja fica na esquina.", "O mercado abre às sete.", "Ele mora em Curitiba.",
        "A aula começa depois do almoço.", "O pacote chegou hoje de manhã.", "A água está na geladeira.",
        "O relatório tem três partes.", "Amanhã vou ao dentista.", "O trem sai da estação central.",
        "A caneta é azul.", "O parque fica perto da escola.",
    ],
}
SENTIMENT_TEMPLATES = [
    ("Classifique o sentimento da frase como positivo, negativo ou neutro.", "{s}"),
    ("Qual é o sentimento desta frase? Responda positivo, negativo ou neutro.", "{s}"),
    ("Diga se o sentimento do texto é positivo, negativo ou neutro.", "{s}"),
    ("Análise de sentimento: positivo, negativo ou neutro?", "{s}"),
    ('Qual é o sentimento de "{s}"? Responda positivo, negativo ou neutro.', ""),
]

WORD_CATEGORIES = {
    "fruta": ["banana", "maçã", "uva", "manga", "abacaxi", "melancia", "morango", "goiaba"],
    "animal": ["cachorro", "cavalo", "girafa", "elefante", "macaco", "tartaruga", "leão", "coelho"],
    "cor": ["azul", "verde", "amarelo", "vermelho", "roxo", "preto", "branco"],
    "profissão": ["médico", "professor", "padeiro", "engenheiro", "dentista", "carteiro", "bombeiro", "advogado"],
    "veículo": ["ônibus", "bicicleta", "avião", "trem", "navio", "metrô", "caminhão", "helicóptero"],
}
WORD_CATEGORY_TEMPLATES = [
    ("Classifique a palavra como fruta, animal, cor, profissão ou veículo.", "{w}"),
    ('A palavra "{w}" é fruta, animal, cor, profissão ou veículo?', ""),
    ('Em qual categoria está "{w}"? Opções: fruta, animal, cor, profissão, veículo.', ""),
    ("Diga a categoria da palavra (fruta, animal, cor, profissão ou veículo).", "{w}"),
]
PARITY_TEMPLATES = [
    ("O número {n} é par ou ímpar?", ""),
    ("Diga se o número é par ou ímpar.", "{n}"),
    ("{n} é um número par ou ímpar?", ""),
    ("Classifique o número como par ou ímpar.", "{n}"),
]
LETTER_TEMPLATES = [
    ('A letra "{c}" é vogal ou consoante?', ""),
    ("Diga se a letra é vogal ou consoante.", "{c}"),
    ('"{c}" é uma vogal ou uma consoante?', ""),
    ("Classifique a letra como vogal ou consoante.", "{c}"),
]
NUMBER_WORDS = [
    ("flores", "plural"), ("mesa", "singular"), ("cães", "plural"), ("pão", "singular"), ("papéis", "plural"),
    ("luz", "singular"), ("nuvens", "plural"), ("jardim", "singular"), ("cidades", "plural"), ("mar", "singular"),
    ("irmãos", "plural"), ("anel", "singular"),
]
NUMBER_WORD_TEMPLATES = [
    ('A palavra "{w}" está no singular ou no plural?', ""),
    ("Diga se a palavra está no singular ou no plural.", "{w}"),
    ('"{w}" é singular ou plural?', ""),
    ("Classifique a palavra: singular ou plural?", "{w}"),
]
BIGGER_TEMPLATES = [
    ("Qual número é maior: {a} ou {b}?", ""),
    ("Diga qual é o maior número.", "{a} e {b}"),
    ("Entre {a} e {b}, qual é o maior?", ""),
    ("Qual é o maior destes dois números?", "{a} ou {b}"),
]


def build_classificacao(rng: random.Random) -> list[dict]:
    out = []
    for label, sentences in SENTIMENTS.items():
        for sentence in sentences:
            instruction, input_ = rng.choice(SENTIMENT_TEMPLATES)
            out.append(entry(instruction.format(s=sentence), input_.format(s=sentence), label, "classificacao"))
    for label, words in WORD_CATEGORIES.items():
        for word in words:
            instruction, input_ = rng.choice(WORD_CATEGORY_TEMPLATES)
            out.append(entry(instruction.format(w=word), input_.format(w=word), label, "classificacao"))
    for n in rng.sample(range(1, 1000), 16):
        instruction, input_ = rng.choice(PARITY_TEMPLATES)
        out.append(entry(instruction.format(n=n), input_.format(n=n), "par" if n % 2 == 0 else "ímpar",
                         "classificacao"))
    for letter in rng.sample("aeioubcdfgjlmnprstvz", 12):
        instruction, input_ = rng.choice(LETTER_TEMPLATES)
        out.append(entry(instruction.format(c=letter), input_.format(c=letter),
                         "vogal" if letter in "aeiou" else "consoante", "classificacao"))
    for word, label in NUMBER_WORDS:
        instruction, input_ = rng.choice(NUMBER_WORD_TEMPLATES)
        out.append(entry(instruction.format(w=word), input_.format(w=word), label, "classificacao"))
    for _ in range(10):
        a = rng.randint(10, 99)
        b = int(str(a)[::-1]) if a % 10 and a % 11 else rng.randint(10, 99)
        if a == b:
            b += 1
        instruction, input_ = rng.choice(BIGGER_TEMPLATES)
        out.append(entry(instruction.format(a=a, b=b), input_.format(a=a, b=b), str(max(a, b)), "classificacao"))
    return out


# ---------------------------------------------------------------------------------------------------------
# extracao: a resposta é o trecho pedido, sem frase em volta (ou o número de palavras).
# ---------------------------------------------------------------------------------------------------------

CITIES = [
    "São Paulo", "Salvador", "Fortaleza", "Curitiba", "Manaus", "Belém", "Goiânia", "Porto Alegre",
    "Florianópolis", "Natal", "Maceió", "Teresina", "Campinas", "Londrina", "Cuiabá", "Belo Horizonte",
    "Brasília", "Aracaju", "Recife", "Palmas",
]
MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
          "novembro", "dezembro"]
EXTRACTION_FRAMES = [
    "{nome} viajou para {cidade} em {data}.",
    "No dia {data}, {nome} visitou um museu em {cidade}.",
    "{nome} mora em {cidade} e tem {n} gatos.",
    "A reunião com {nome} será em {cidade}, no dia {data}.",
    "{nome} correu {n} quilômetros em {cidade}.",
    "Em {data}, {nome} fez uma palestra em {cidade}.",
    "{nome} leu {n} livros nas férias, em {cidade}.",
    "A festa de {nome} vai ser em {cidade}, no dia {data}.",
    "Em {cidade}, {nome} plantou {n} árvores no quintal.",
]
EXTRACTION_QUESTIONS = {
    "nome": ["Qual é o nome da pessoa citada no texto?", "Extraia o nome da pessoa.",
             "Quem é a pessoa mencionada no texto?", "Retire do texto o nome da pessoa."],
    "cidade": ["Qual cidade aparece no texto?", "Extraia o nome da cidade.", "Que cidade é citada no texto?",
               "Retire do texto o nome da cidade."],
    "data": ["Qual data aparece no texto?", "Extraia a data do texto.", "Que data é citada no texto?",
             "Retire do texto a data."],
    "n": ["Qual número aparece no texto?", "Extraia o número do texto.", "Retire do texto o número.",
          "Que número é citado no texto?"],
}
# Frases sem números, hífens nem apóstrofos: as palavras são o que `split()` separa.
WORD_SENTENCES = [
    "O gato dormiu no sofá da sala.", "Choveu muito durante a noite.", "Minha avó faz o melhor bolo da cidade.",
    "As crianças brincam no quintal.", "O sol nasceu mais cedo hoje.", "Vamos jantar juntos na sexta.",
    "A biblioteca fecha às seis.", "Ele esqueceu a chave em casa.", "O rio transbordou depois da tempestade.",
    "Comprei pão e leite na padaria.", "Nosso time treina todas as manhãs.",
    "A professora explicou a lição com calma.", "O vento frio entrou pela janela.",
    "Amanhã teremos prova de matemática.", "O cachorro correu atrás da bola.", "Ela pintou um quadro muito bonito.",
    "Os pássaros cantam no jardim.", "Meu irmão aprendeu a nadar.", "A feira tem frutas frescas.",
    "O trem chegou na hora certa.", "Plantamos flores no canteiro.", "O café esfriou na xícara.",
    "A lua cheia iluminou a praia.", "Eles assistiram ao jogo pela televisão.", "O menino guardou os brinquedos.",
    "A padaria abre bem cedo.", "Lemos um poema na aula.", "O mar estava calmo naquela tarde.",
    "Ganhei um livro de presente.", "Nós caminhamos até a praça.",
]
COUNT_TEMPLATES = [
    ("Quantas palavras tem a frase?", "{s}"),
    ("Conte as palavras da frase.", "{s}"),
    ('Quantas palavras há em "{s}"?', ""),
    ("Diga o número de palavras do texto.", "{s}"),
]
FIRST_WORD_TEMPLATES = [
    ("Qual é a primeira palavra da frase?", "{s}"),
    ("Extraia a primeira palavra do texto.", "{s}"),
    ('Qual é a primeira palavra de "{s}"?', ""),
    ("Escreva só a primeira palavra da frase.", "{s}"),
]
LAST_WORD_TEMPLATES = [
    ("Qual é a última palavra da frase?", "{s}"),
    ("Extraia a última palavra do texto, sem o ponto.", "{s}"),
    ('Qual é a última palavra de "{s}"?', ""),
    ("Escreva só a última palavra da frase.", "{s}"),
]


def build_extracao(rng: random.Random) -> list[dict]:
    out = []
    for _ in range(78):
        frame = rng.choice(EXTRACTION_FRAMES)
        fields = {"nome": rng.choice(NAMES)[0], "cidade": rng.choice(CITIES),
                  "data": f"{rng.randint(2, 28)} de {rng.choice(MONTHS)}", "n": str(rng.randint(2, 30))}
        text = frame.format(**fields)
        asked = rng.choice([key for key in EXTRACTION_QUESTIONS if "{" + key + "}" in frame])
        out.append(entry(rng.choice(EXTRACTION_QUESTIONS[asked]), text, fields[asked], "extracao"))
    sentences = list(WORD_SENTENCES)
    rng.shuffle(sentences)
    for k, sentence in enumerate(sentences):
        words = sentence.rstrip(".").split()
        if k < 18:
            templates, answer = COUNT_TEMPLATES, str(len(words))
        elif k < 24:
            templates, answer = FIRST_WORD_TEMPLATES, words[0]
        else:
            templates, answer = LAST_WORD_TEMPLATES, words[-1]
        instruction, input_ = rng.choice(templates)
        out.append(entry(instruction.format(s=sentence), input_.format(s=sentence), answer, "extracao"))
    for sentence in rng.sample(WORD_SENTENCES, 16):
        words = sentence.rstrip(".").split()
        templates, answer = rng.choice([(FIRST_WORD_TEMPLATES, words[0]), (LAST_WORD_TEMPLATES, words[-1])])
        instruction, input_ = rng.choice(templates)
        out.append(entry(instruction.format(s=sentence), input_.format(s=sentence), answer, "extracao"))
    return out


# ---------------------------------------------------------------------------------------------------------
# traducao: pares escritos à mão, usados nos dois sentidos.
# ---------------------------------------------------------------------------------------------------------

TRANSLATIONS = [
    ("Bom dia!", "Good morning!"), ("Eu gosto de café.", "I like coffee."),
    ("Onde fica a estação?", "Where is the station?"), ("Meu nome é Ana.", "My name is Ana."),
    ("O gato está dormindo.", "The cat is sleeping."), ("Está chovendo hoje.", "It is raining today."),
    ("Eu tenho duas irmãs.", "I have two sisters."), ("Ela lê um livro.", "She reads a book."),
    ("Nós moramos no Brasil.", "We live in Brazil."), ("Que horas são?", "What time is it?"),
    ("A água está fria.", "The water is cold."), ("Obrigado pela ajuda.", "Thank you for your help."),
    ("Eu estou com fome.", "I am hungry."), ("O livro está na mesa.", "The book is on the table."),
    ("Ele trabalha em um hospital.", "He works in a hospital."), ("As crianças estão brincando.",
                                                                  "The children are playing."),
    ("Eu não entendo.", "I do not understand."), ("Você fala inglês?", "Do you speak English?"),
    ("A porta está aberta.", "The door is open."), ("Minha casa é pequena.", "My house is small."),
    ("O céu está azul.", "The sky is blue."), ("Eu bebo água todos os dias.", "I drink water every day."),
    ("Boa tarde!", "Good afternoon!"), ("O carro é vermelho.", "The car is red."),
    ("Nós vamos à praia.", "We are going to the beach."), ("Ela tem um cachorro.", "She has a dog."),
    ("O jantar está pronto.", "Dinner is ready."), ("Eu acordo cedo.", "I wake up early."),
    ("Feliz aniversário!", "Happy birthday!"), ("O trem está atrasado.", "The train is late."),
    ("Eu moro em São Paulo.", "I live in São Paulo."), ("Quanto custa isto?", "How much does this cost?"),
    ("A loja fecha às seis.", "The store closes at six."), ("Ele é meu amigo.", "He is my friend."),
    ("Eu gosto de ler.", "I like to read."), ("O sol está forte hoje.", "The sun is strong today."),
    ("Onde está a minha chave?", "Where is my key?"), ("Nós estudamos juntos.", "We study together."),
    ("A sopa está deliciosa.", "The soup is delicious."), ("Eu preciso de ajuda.", "I need help."),
    ("O cachorro late muito.", "The dog barks a lot."), ("Ela canta muito bem.", "She sings very well."),
    ("Vamos almoçar juntos?", "Shall we have lunch together?"), ("A escola fica perto daqui.",
                                                              "The school is near here."),
    ("Eu tenho uma bicicleta azul.", "I have a blue bicycle."), ("Ele está cansado.", "He is tired."),
    ("Hoje é segunda-feira.", "Today is Monday."), ("O filme começa às oito.", "The movie starts at eight."),
    ("Minha mãe é professora.", "My mother is a teacher."), ("Eu gosto de música.", "I like music."),
    ("As flores são bonitas.", "The flowers are beautiful."), ("Com licença.", "Excuse me."),
    ("Até amanhã!", "See you tomorrow!"), ("Eu estou feliz.", "I am happy."),
    ("O peixe nada no rio.", "The fish swims in the river."), ("Nós comemos arroz e feijão.",
                                                               "We eat rice and beans."),
    ("A janela está fechada.", "The window is closed."), ("Ele joga futebol.", "He plays soccer."),
    ("Eu tenho vinte anos.", "I am twenty years old."), ("Está muito frio lá fora.", "It is very cold outside."),
    ("Por favor, fale devagar.", "Please speak slowly."), ("Eu perdi o meu celular.", "I lost my phone."),
]
TO_ENGLISH_TEMPLATES = [
    ("Traduza para o inglês.", "{s}"),
    ("Traduza a frase para o inglês.", "{s}"),
    ("Como se diz isto em inglês?", "{s}"),
    ("Escreva esta frase em inglês.", "{s}"),
    ('Traduza "{s}" para o inglês.', ""),
]
TO_PORTUGUESE_TEMPLATES = [
    ("Traduza para o português.", "{s}"),
    ("Traduza a frase para o português.", "{s}"),
    ("Como se diz isto em português?", "{s}"),
    ("Escreva esta frase em português.", "{s}"),
    ('Traduza "{s}" para o português.', ""),
]


def build_traducao(rng: random.Random) -> list[dict]:
    out = []
    for portuguese, english in TRANSLATIONS:
        instruction, input_ = rng.choice(TO_ENGLISH_TEMPLATES)
        out.append(entry(instruction.format(s=portuguese), input_.format(s=portuguese), english, "traducao"))
        instruction, input_ = rng.choice(TO_PORTUGUESE_TEMPLATES)
        out.append(entry(instruction.format(s=english), input_.format(s=english), portuguese, "traducao"))
    return out


# ---------------------------------------------------------------------------------------------------------
# fatos: só o que não muda (nada de população, datas de eventos atuais ou recordes que caem).
# ---------------------------------------------------------------------------------------------------------

# sigla: (nome com artigo, "de" + artigo, capital, região)
STATES = {
    "AC": ("o Acre", "do Acre", "Rio Branco", "Norte"),
    "AL": ("Alagoas", "de Alagoas", "Maceió", "Nordeste"),
    "AP": ("o Amapá", "do Amapá", "Macapá", "Norte"),
    "AM": ("o Amazonas", "do Amazonas", "Manaus", "Norte"),
    "BA": ("a Bahia", "da Bahia", "Salvador", "Nordeste"),
    "CE": ("o Ceará", "do Ceará", "Fortaleza", "Nordeste"),
    "ES": ("o Espírito Santo", "do Espírito Santo", "Vitória", "Sudeste"),
    "GO": ("Goiás", "de Goiás", "Goiânia", "Centro-Oeste"),
    "MA": ("o Maranhão", "do Maranhão", "São Luís", "Nordeste"),
    "MT": ("Mato Grosso", "de Mato Grosso", "Cuiabá", "Centro-Oeste"),
    "MS": ("Mato Grosso do Sul", "de Mato Grosso do Sul", "Campo Grande", "Centro-Oeste"),
    "MG": ("Minas Gerais", "de Minas Gerais", "Belo Horizonte", "Sudeste"),
    "PA": ("o Pará", "do Pará", "Belém", "Norte"),
    "PB": ("a Paraíba", "da Paraíba", "João Pessoa", "Nordeste"),
    "PR": ("o Paraná", "do Paraná", "Curitiba", "Sul"),
    "PE": ("Pernambuco", "de Pernambuco", "Recife", "Nordeste"),
    "PI": ("o Piauí", "do Piauí", "Teresina", "Nordeste"),
    "RJ": ("o Rio de Janeiro", "do Rio de Janeiro", "Rio de Janeiro", "Sudeste"),
    "RN": ("o Rio Grande do Norte", "do Rio Grande do Norte", "Natal", "Nordeste"),
    "RS": ("o Rio Grande do Sul", "do Rio Grande do Sul", "Porto Alegre", "Sul"),
    "RO": ("Rondônia", "de Rondônia", "Porto Velho", "Norte"),
    "RR": ("Roraima", "de Roraima", "Boa Vista", "Norte"),
    "SC": ("Santa Catarina", "de Santa Catarina", "Florianópolis", "Sul"),
    "SP": ("São Paulo", "de São Paulo", "São Paulo", "Sudeste"),
    "SE": ("Sergipe", "de Sergipe", "Aracaju", "Nordeste"),
    "TO": ("o Tocantins", "do Tocantins", "Palmas", "Norte"),
}
CAPITAL_TEMPLATES = [
    ("Qual é a capital {de}?", ""),
    ("Qual cidade é a capital {de}?", ""),
    ("Diga a capital do estado.", "{nome}"),
    ("Escreva o nome da capital {de}.", ""),
    ("Qual é a capital deste estado brasileiro?", "{nome}"),
]
REGION_TEMPLATES = [
    ("Em que região do Brasil fica {art}?", ""),
    ("{Art} fica em qual região do Brasil?", ""),
    ("Diga a região do Brasil onde fica o estado.", "{nome}"),
    ("A qual região brasileira pertence {art}?", ""),
    ("Qual é a região deste estado brasileiro?", "{nome}"),
]
CAPITAL_OF_TEMPLATES = [
    ("{c} é a capital de qual estado?", ""),
    ("De que estado {c} é a capital?", ""),
    ("Diga de qual estado a cidade é capital.", "{c}"),
    ("A cidade de {c} é capital de que estado?", ""),
]

SCIENCE_FACTS = [
    ("A que temperatura a água ferve ao nível do mar?", "A água ferve a 100 °C ao nível do mar."),
    ("A que temperatura a água pura congela ao nível do mar?", "A água pura congela a 0 °C ao nível do mar."),
    ("Quantos planetas tem o Sistema Solar?", "O Sistema Solar tem oito planetas."),
    ("Qual é o planeta mais próximo do Sol?", "O planeta mais próximo do Sol é Mercúrio."),
    ("Qual é o maior planeta do Sistema Solar?", "O maior planeta do Sistema Solar é Júpiter."),
    ("Qual planeta é chamado de planeta vermelho?", "Marte é chamado de planeta vermelho."),
    ("A Terra é o planeta de que posição a partir do Sol?", "A Terra é o terceiro planeta a partir do Sol."),
    ("Quais são os planetas do Sistema Solar, em ordem a partir do Sol?",
     "Mercúrio, Vênus, Terra, Marte, Júpiter, Saturno, Urano e Netuno."),
    ("Qual planeta é famoso pelos seus anéis?", "Saturno é o planeta famoso pelos seus anéis."),
    ("Qual é o satélite natural da Terra?", "O satélite natural da Terra é a Lua."),
    ("O Sol é uma estrela ou um planeta?", "O Sol é uma estrela."),
    ("Quantos dias tem um ano comum?", "Um ano comum tem 365 dias."),
    ("Quantos dias tem um ano bissexto?", "Um ano bissexto tem 366 dias."),
    ("Quantos dias tem fevereiro em um ano bissexto?", "Em um ano bissexto, fevereiro tem 29 dias."),
    ("Quantos dias tem fevereiro em um ano comum?", "Em um ano comum, fevereiro tem 28 dias."),
    ("Quantos meses tem um ano?", "Um ano tem 12 meses."),
    ("Quantos dias tem uma semana?", "Uma semana tem sete dias."),
    ("Quais meses do ano têm 31 dias?", "Janeiro, março, maio, julho, agosto, outubro e dezembro."),
    ("Qual é a fórmula química da água?", "A fórmula química da água é H₂O."),
    ("Que gás as plantas absorvem do ar na fotossíntese?", "Na fotossíntese, as plantas absorvem gás carbônico."),
    ("Que gás as plantas liberam na fotossíntese?", "Na fotossíntese, as plantas liberam oxigênio."),
    ("Qual é o gás mais abundante no ar?", "O gás mais abundante no ar é o nitrogênio."),
    ("Qual órgão bombeia o sangue pelo corpo?", "O coração bombeia o sangue pelo corpo."),
    ("Qual é o maior órgão do corpo humano?", "O maior órgão do corpo humano é a pele."),
    ("Quantos ossos tem o corpo humano adulto?", "O corpo humano adulto tem 206 ossos."),
    ("Quais são os três estados físicos mais comuns da matéria?", "Sólido, líquido e gasoso."),
    ("Quantas patas tem um inseto?", "Um inseto tem seis patas."),
    ("Quantas patas tem uma aranha?", "Uma aranha tem oito patas."),
    ("A baleia é um peixe ou um mamífero?", "A baleia é um mamífero."),
    ("O morcego é uma ave ou um mamífero?", "O morcego é um mamífero."),
    ("O que é mais rápido: a luz ou o som?", "A luz é mais rápida que o som."),
    ("Qual é o símbolo químico do ouro?", "O símbolo químico do ouro é Au."),
    ("Qual é o símbolo químico do ferro?", "O símbolo químico do ferro é Fe."),
    ("Qual é o símbolo químico do sódio?", "O símbolo químico do sódio é Na."),
    ("Qual é o símbolo químico da prata?", "O símbolo químico da prata é Ag."),
    ("Qual é o símbolo químico do carbono?", "O símbolo químico do carbono é C."),
    ("Qual é o primeiro elemento da tabela periódica?", "O primeiro elemento da tabela periódica é o hidrogênio."),
    ("Quantos lados tem um triângulo?", "Um triângulo tem três lados."),
    ("Quantos lados tem um pentágono?", "Um pentágono tem cinco lados."),
    ("Quantos lados tem um hexágono?", "Um hexágono tem seis lados."),
    ("Quantos lados tem um octógono?", "Um octógono tem oito lados."),
    ("Quanto mede um ângulo reto?", "Um ângulo reto mede 90 graus."),
    ("Quanto dá a soma dos ângulos internos de um triângulo?",
     "A soma dos ângulos internos de um triângulo é 180 graus."),
    ("Qual movimento da Terra causa o dia e a noite?", "O dia e a noite são causados pela rotação da Terra."),
    ("Como se chama o movimento da Terra em volta do Sol?", "O movimento da Terra em volta do Sol é a translação."),
    ("Qual é o maior oceano da Terra?", "O maior oceano da Terra é o Pacífico."),
    ("O gelo é água em que estado físico?", "O gelo é água no estado sólido."),
    ("O que dá a cor verde às plantas?", "A clorofila dá a cor verde às plantas."),
    ("Qual é a estrela mais próxima da Terra?", "A estrela mais próxima da Terra é o Sol."),
]
BRAZIL_FACTS = [
    ("Qual é a capital do Brasil?", "A capital do Brasil é Brasília."),
    ("Em que unidade federativa fica Brasília?", "Brasília fica no Distrito Federal."),
    ("Em que região do Brasil fica o Distrito Federal?", "O Distrito Federal fica na Região Centro-Oeste."),
    ("Qual é o maior estado do Brasil em área?", "O maior estado do Brasil em área é o Amazonas."),
    ("Qual é o menor estado do Brasil em área?", "O menor estado do Brasil em área é Sergipe."),
    ("Quantos estados tem o Brasil?", "O Brasil tem 26 estados e o Distrito Federal."),
    ("Em quantas regiões o Brasil é dividido?", "O Brasil é dividido em cinco regiões."),
    ("Quais são as regiões do Brasil?", "Norte, Nordeste, Centro-Oeste, Sudeste e Sul."),
    ("Que oceano banha o litoral do Brasil?", "O litoral do Brasil é banhado pelo oceano Atlântico."),
    ("Qual é a língua oficial do Brasil?", "A língua oficial do Brasil é o português."),
    ("Quais são as cores da bandeira do Brasil?", "Verde, amarelo, azul e branco."),
    ("Com quais países da América do Sul o Brasil não faz fronteira?", "Chile e Equador."),
    ("Qual região do Brasil tem mais estados?", "A Região Nordeste, com nove estados."),
    ("Quais estados formam a Região Sul?", "Paraná, Santa Catarina e Rio Grande do Sul."),
    ("Quais estados formam a Região Sudeste?", "São Paulo, Rio de Janeiro, Minas Gerais e Espírito Santo."),
    ("Qual é o estado mais ao sul do Brasil?", "O estado mais ao sul do Brasil é o Rio Grande do Sul."),
    ("Em que continente fica o Brasil?", "O Brasil fica na América do Sul."),
]


def build_fatos(rng: random.Random) -> list[dict]:
    out = []
    for name, of_name, capital, region in STATES.values():
        display = name[0].upper() + name[1:]
        bare = name.removeprefix("o ").removeprefix("a ")
        instruction, input_ = rng.choice(CAPITAL_TEMPLATES)
        out.append(entry(instruction.format(de=of_name), input_.format(nome=bare),
                         f"A capital {of_name} é {capital}.", "fatos"))
        instruction, input_ = rng.choice(REGION_TEMPLATES)
        out.append(entry(instruction.format(art=name, Art=display), input_.format(nome=bare),
                         f"{display} fica na Região {region}.", "fatos"))
    reverse = [state for state in STATES.values() if state[2] != state[0].removeprefix("o ")]
    for _, of_name, capital, _ in rng.sample(reverse, 10):
        instruction, input_ = rng.choice(CAPITAL_OF_TEMPLATES)
        out.append(entry(instruction.format(c=capital), input_.format(c=capital),
                         f"{capital} é a capital {of_name}.", "fatos"))
    for question, answer in SCIENCE_FACTS + BRAZIL_FACTS:
        out.append(entry(question, "", answer, "fatos"))
    return out


# ---------------------------------------------------------------------------------------------------------
# Montagem: filtra duplicatas e quase duplicatas, confere tamanhos, embaralha.
# ---------------------------------------------------------------------------------------------------------

BUILDERS = [build_gramatica, build_sinonimos, build_reescrita, build_definicoes, build_aritmetica,
            build_conversao, build_classificacao, build_extracao, build_traducao, build_fatos]


def normalize(text: str) -> str:
    """Minúsculas, sem acentos, sem pontuação, espaços simples."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def near_duplicate_key(item: dict) -> str:
    return normalize(item["instruction"] + " " + item["input"])


def word_set(item: dict) -> frozenset[str]:
    return frozenset(normalize(" ".join((item["instruction"], item["input"], item["output"]))).split())


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def drop_near_duplicates(items: list[dict]) -> tuple[list[dict], list[dict]]:
    """Mantém a primeira de cada grupo de entradas quase iguais; devolve (mantidas, descartadas)."""
    kept, dropped, keys, sets = [], [], set(), []
    for item in items:
        key, words = near_duplicate_key(item), word_set(item)
        if key in keys or any(jaccard(words, other) >= NEAR_DUPLICATE_JACCARD for other in sets
                              if 0.9 * len(other) <= len(words) <= len(other) / 0.9):
            dropped.append(item)
            continue
        kept.append(item)
        keys.add(key)
        sets.append(words)
    return kept, dropped


def check_entry(item: dict) -> None:
    total = len(item["instruction"]) + len(item["input"]) + len(item["output"])
    if total > MAX_CHARS or len(item["output"].split()) > MAX_OUTPUT_WORDS:
        raise ValueError(f"entrada longa demais: {item}")
    for key in ("instruction", "input", "output"):
        if item[key] != item[key].strip() or "  " in item[key]:
            raise ValueError(f"espaços sobrando em {key}: {item}")
    if not item["instruction"] or not item["output"] or item["category"] not in CATEGORIES:
        raise ValueError(f"entrada incompleta: {item}")


def build_entries(dropped: list[dict] | None = None) -> list[dict]:
    """Todas as entradas, na ordem final (embaralhadas com a mesma semente de sempre)."""
    rng = random.Random(123)
    candidates = [item for builder in BUILDERS for item in builder(rng)]
    kept, lost = drop_near_duplicates(candidates)
    if dropped is not None:
        dropped.extend(lost)
    for item in kept:
        check_entry(item)
    rng.shuffle(kept)
    return kept


def main() -> None:
    dropped: list[dict] = []
    entries = build_entries(dropped)
    OUTPUT.write_text(json.dumps(entries, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = Counter(item["category"] for item in entries)
    for category in CATEGORIES:
        print(f"{category:22s} {counts[category]:5d}")
    print(f"{'total':22s} {len(entries):5d}  (quase duplicatas descartadas: {len(dropped)})")
    print(f"gravado em {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
