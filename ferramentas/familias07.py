"""Famílias de tarefas do novo conjunto de instruções do capítulo 07 (issue 18, em construção).

Cada família é uma função `items_<família>(rng) -> list[Item]` registrada em `FAMILIES`, e um conjunto de
formulações (modelos de instrução) em `PHRASINGS`. O gerador (`ferramentas/instrucoes07_novo.py`) junta as
famílias, escolhe as formulações, divide por grupo e grava o JSON.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from numeros import thousands


@dataclass(frozen=True)
class Item:
    """Um item de uma família, antes de ganhar uma formulação.

    family: o id da família (ascii, sem acento: "classificacao");
    group: o item de base (uma frase, um par, um fato, uma passagem): o mesmo grupo nunca aparece em duas
           partes da divisão, então entradas gêmeas (um par ao contrário, a mesma frase reescrita) ficam juntas;
    input: o dado da tarefa ("" se o dado vai na própria instrução);
    output: a resposta, curta e sem moldura decorativa;
    slots: valores para preencher os modelos de instrução da família ({"opcoes": "positivo ou negativo"}).
    """

    family: str
    group: str
    input: str
    output: str
    slots: dict = field(default_factory=dict, hash=False, compare=False)


FamilyBuilder = Callable[[random.Random], "list[Item]"]

# família → modelos de instrução (str.format com os slots do item); 8 a 15 por família, em pedidos naturais.
PHRASINGS: dict[str, list[str]] = {}
# família → função que devolve os itens; as famílias tiradas do corpus ficam em `familias07_corpus.py`.
FAMILIES: dict[str, FamilyBuilder] = {}
# família → o nome mostrado ao aluno, com acentos.
DISPLAY_NAMES: dict[str, str] = {}


# ---------------------------------------------------------------------------------------------------------
# Ferramentas comuns
# ---------------------------------------------------------------------------------------------------------


def lower_first(text: str) -> str:
    """Minúscula só na primeira letra: "Quem levou…" → "quem levou…" (para encaixar no meio de um pedido)."""
    return text[:1].lower() + text[1:]


def words_of(sentence: str) -> list[str]:
    """As palavras da frase, sem a pontuação grudada nelas."""
    return [word.strip(".,;:!?") for word in sentence.split() if word.strip(".,;:!?")]


def register(family: str, display_name: str, phrasings: list[str]):
    """Registra o construtor de uma família com o nome mostrado e os modelos de instrução."""

    def decorator(builder: FamilyBuilder) -> FamilyBuilder:
        FAMILIES[family] = builder
        DISPLAY_NAMES[family] = display_name
        PHRASINGS[family] = phrasings
        return builder

    return decorator


def split_marked(marked: str) -> tuple[str, str]:
    """ "Vou {à|a} praia." → ("Vou à praia.", "Vou a praia."): a forma certa e a errada."""
    start, end = marked.index("{"), marked.index("}")
    right, wrong = marked[start + 1:end].split("|")
    return marked[:start] + right + marked[end + 1:], marked[:start] + wrong + marked[end + 1:]


# ---------------------------------------------------------------------------------------------------------
# 1. Classificação: as opções estão sempre no pedido
# ---------------------------------------------------------------------------------------------------------

POSITIVE = [
    "Adorei o bolo de chocolate da sua mãe.",
    "O passeio no parque foi maravilhoso.",
    "Fiquei muito feliz com a sua visita.",
    "Que alegria rever meus amigos de infância!",
    "O atendimento da loja foi excelente.",
    "Esse livro é lindo e emocionante.",
    "A festa de ontem foi muito divertida.",
    "Gostei demais do presente que ganhei.",
    "O jantar estava delicioso.",
    "Estou animado com a viagem de férias.",
    "A professora foi muito gentil comigo.",
    "Nosso time jogou muito bem e venceu.",
    "Que dia agradável para caminhar na praia!",
    "O novo vizinho é simpático e prestativo.",
    "Amei a música que você me mostrou.",
    "A reforma deixou a casa linda.",
    "Fui muito bem tratado no hospital.",
    "Consegui o emprego que eu tanto queria!",
    "O show foi incrível do começo ao fim.",
    "Meu filho tirou ótimas notas este ano.",
    "A comida daquele restaurante é uma delícia.",
    "Passei uma tarde tranquila e feliz com a família.",
    "O café da manhã do hotel estava perfeito.",
    "Estou orgulhoso do seu esforço.",
    "O jardim ficou lindo depois da chuva.",
    "Recebi uma notícia maravilhosa hoje.",
    "A aula de hoje foi muito interessante.",
    "Esse sofá novo é confortável demais.",
    "O bebê está saudável e sorridente.",
    "Foi o melhor aniversário da minha vida.",
    "A equipe fez um trabalho excelente.",
    "Adoro passar o domingo lendo na varanda.",
    "O filme me deixou de bom humor.",
    "Que bom que você chegou bem!",
    "A viagem foi tranquila e muito agradável.",
    "Ganhei um abraço carinhoso da minha avó.",
    "O pão dessa padaria é fresquinho e gostoso.",
    "Estou encantada com a vista da janela.",
    "Meu cachorro é um companheiro fiel e alegre.",
    "A peça de teatro foi emocionante.",
    "Fiz uma ótima escolha ao comprar esta bicicleta.",
    "O dia está lindo e ensolarado.",
    "Você cantou muito bem na festa.",
    "Estou muito satisfeito com o resultado.",
    "A cidade é limpa, bonita e acolhedora.",
]

NEGATIVE = [
    "O filme foi chato e cansativo.",
    "Detestei o atendimento daquela loja.",
    "A comida chegou fria e sem gosto.",
    "Estou muito triste com a notícia.",
    "O ônibus atrasou e perdi a consulta.",
    "Que dia horrível, tudo deu errado!",
    "O celular quebrou na primeira semana.",
    "A viagem foi um desastre do começo ao fim.",
    "Fiquei decepcionado com o resultado da prova.",
    "O barulho da obra é insuportável.",
    "O quarto do hotel estava sujo e abafado.",
    "Meu time jogou muito mal e perdeu.",
    "A reunião foi longa e inútil.",
    "Estou cansado e desanimado hoje.",
    "Esse remédio tem um gosto horrível.",
    "O vizinho é grosseiro e mal-educado.",
    "Perdi minha carteira no metrô.",
    "A chuva estragou o nosso piquenique.",
    "O serviço do restaurante foi péssimo.",
    "Odeio acordar cedo no frio.",
    "A loja me vendeu um produto com defeito.",
    "Fiquei com raiva da resposta dele.",
    "O trânsito hoje estava terrível.",
    "Esse livro é confuso e muito chato.",
    "A festa foi uma decepção.",
    "Estou preocupado e com medo da cirurgia.",
    "O sapato novo machucou meus pés.",
    "A internet caiu bem no meio do trabalho.",
    "O bolo queimou e ficou amargo.",
    "Que pena que você não pôde vir!",
    "O time foi eliminado logo na estreia.",
    "A professora foi injusta com a turma.",
    "O passeio foi cansativo e sem graça.",
    "O atendente foi mal-educado comigo.",
    "Minha planta morreu por falta de água.",
    "A casa ficou um caos depois da festa.",
    "Esse café está frio e fraco.",
    "O conserto do carro ficou caro e malfeito.",
    "Eu me sinto sozinho e triste nesta cidade.",
    "O show foi cancelado e ninguém devolveu o dinheiro.",
    "A comida do hospital é sem sal e sem graça.",
    "Briguei com meu melhor amigo e estou arrasado.",
    "A estrada estava cheia de buracos perigosos.",
    "O colchão é duro e desconfortável.",
    "Foi a pior semana do ano.",
]

# O tipo da frase sai da pontuação final: "?" pergunta, "!" exclamação, "." afirmação.
QUESTIONS = [
    "Você já almoçou?",
    "A padaria abre cedo no domingo?",
    "Quem deixou a janela aberta?",
    "Onde você guardou as chaves do carro?",
    "Quando começa o seu curso?",
    "Vamos ao cinema no sábado?",
    "Quantos irmãos você tem?",
    "Por que o bebê está chorando?",
    "Você pode fechar a porta?",
    "O ônibus já passou?",
    "Qual é a sua cor preferida?",
    "A reunião foi adiada?",
    "Como foi a sua prova?",
    "Posso sentar aqui?",
    "Você trouxe o guarda-chuva?",
    "O que tem para o jantar?",
    "Seu irmão mora perto daqui?",
    "A que horas começa o jogo?",
    "Você gosta de sopa?",
    "A loja aceita cartão?",
    "Quem vai buscar as crianças na escola?",
    "Onde fica o banheiro?",
    "Você terminou o dever de casa?",
    "Vocês querem mais café?",
    "O carteiro já entregou as cartas?",
    "Por que você chegou tão tarde?",
    "Qual caminho é mais curto?",
    "Você se lembrou de regar as plantas?",
    "De quem é este casaco?",
    "Podemos conversar depois do almoço?",
]

EXCLAMATIONS = [
    "Que dia lindo!",
    "Cuidado com o degrau!",
    "Parabéns pela formatura!",
    "Que susto você me deu!",
    "Feliz aniversário, querida!",
    "Que comida gostosa!",
    "Socorro, o gato subiu no telhado!",
    "Nossa, como você cresceu!",
    "Que frio está fazendo!",
    "Fogo na cozinha!",
    "Que saudade de vocês!",
    "Silêncio, o bebê está dormindo!",
    "Que vestido bonito!",
    "Até que enfim chegou o fim de semana!",
    "Corra, o ônibus está saindo!",
    "Que bagunça neste quarto!",
    "Bem-vindos à nossa casa!",
    "Que surpresa boa!",
    "Olha a chuva chegando!",
    "Boa sorte na entrevista!",
    "Que calor insuportável!",
    "Ganhamos o campeonato!",
    "Que música animada!",
    "Nossa, esqueci a panela no fogo!",
    "Que filme emocionante!",
    "Depressa, a aula já vai começar!",
    "Que alegria te ver!",
    "Que ideia genial!",
    "Que cheiro bom de café!",
    "Atenção, o piso está molhado!",
]

STATEMENTS = [
    "O mercado fecha às nove da noite.",
    "Minha avó mora numa casa amarela.",
    "O gato dormiu no sofá a tarde inteira.",
    "Amanhã é feriado.",
    "A biblioteca fica ao lado da escola.",
    "Comprei três cadernos novos.",
    "O rio passa atrás da fazenda.",
    "Meu irmão trabalha numa oficina.",
    "A reunião começa depois do almoço.",
    "Os pássaros fizeram um ninho na árvore.",
    "Esta rua tem muitas lojas.",
    "O trem sai da estação às sete horas.",
    "Lavei a louça depois do jantar.",
    "A janela da sala está quebrada.",
    "O leite acabou.",
    "Pedro guardou as bicicletas na garagem.",
    "A chave está em cima da mesa.",
    "Minha tia faz doces para vender.",
    "O cachorro late quando alguém chega.",
    "As aulas terminam em dezembro.",
    "Plantamos tomates no quintal.",
    "O relógio da cozinha parou.",
    "Meu primo estuda de manhã.",
    "A padaria da esquina vende pão de queijo.",
    "O vento derrubou o varal.",
    "A menina desenhou uma casa com chaminé.",
    "Choveu muito durante a noite.",
    "O carteiro passa aqui todos os dias.",
    "A sopa está no fogão.",
    "Os vizinhos viajaram para o interior.",
]

# A pessoa do sujeito sai do pronome que abre a frase: eu/nós → primeira; ele/ela/eles/elas → terceira.
FIRST_PERSON = [
    "Eu acordo cedo todos os dias.",
    "Nós moramos perto do mar.",
    "Eu gosto de ler antes de dormir.",
    "Nós jantamos juntos todas as noites.",
    "Eu esqueci o guarda-chuva no escritório.",
    "Nós plantamos flores no jardim.",
    "Eu prefiro chá a café.",
    "Nós chegamos atrasados ao casamento.",
    "Eu aprendi a nadar no verão passado.",
    "Nós visitamos o museu da cidade.",
    "Eu tenho dois gatos e um cachorro.",
    "Nós pintamos a cerca de branco.",
    "Eu escrevo cartas para minha madrinha.",
    "Nós alugamos uma casa na serra.",
    "Eu caminho na praça depois do trabalho.",
    "Nós assistimos ao jogo na casa do Beto.",
    "Eu guardei as fotos numa caixa.",
    "Nós fizemos um bolo de fubá.",
    "Eu perdi a hora hoje de manhã.",
    "Nós trocamos as lâmpadas da sala.",
    "Eu conheci a Rita na faculdade.",
    "Nós andamos de barco no lago.",
    "Eu costuro as roupas da família.",
    "Nós arrumamos a cozinha depois da festa.",
    "Eu toco violão aos domingos.",
    "Nós vendemos o carro velho.",
    "Eu comprei sapatos para a festa.",
    "Nós esperamos o ônibus por uma hora.",
    "Eu lavei o carro no sábado.",
    "Nós cantamos no coral da igreja.",
    "Eu consertei a torneira da pia.",
    "Nós dividimos a conta do almoço.",
    "Eu moro no terceiro andar.",
    "Nós limpamos a praia no feriado.",
    "Eu levo meu sobrinho para a escola.",
]

THIRD_PERSON = [
    "Ele trabalha numa padaria.",
    "Ela canta muito bem.",
    "Eles jogam futebol na rua.",
    "Elas estudam na mesma sala.",
    "Ele consertou a bicicleta da irmã.",
    "Ela viajou para o Nordeste.",
    "Eles pintaram o muro de azul.",
    "Elas fizeram uma salada de frutas.",
    "Ele dorme depois do almoço.",
    "Ela cuida da horta com carinho.",
    "Eles chegaram cedo à estação.",
    "Elas compraram flores na feira.",
    "Ele dirige um caminhão de entregas.",
    "Ela escreveu um poema para a mãe.",
    "Eles moram numa casa de madeira.",
    "Elas dançaram a noite toda.",
    "Ele perdeu o ônibus de novo.",
    "Ela abriu uma loja de roupas.",
    "Eles adotaram um cachorro.",
    "Elas organizaram a festa da escola.",
    "Ele coleciona selos antigos.",
    "Ela toca piano desde criança.",
    "Eles venderam a fazenda.",
    "Elas correm no parque de manhã.",
    "Ele quebrou o vaso da sala.",
    "Ela prepara o café da manhã.",
    "Eles esperaram a chuva passar.",
    "Elas lavaram a roupa no tanque.",
    "Ele ensina matemática numa escola.",
    "Ela guardou o dinheiro na gaveta.",
    "Eles construíram uma casa na árvore.",
    "Elas pegaram o trem das oito.",
    "Ele varreu o quintal.",
    "Ela ganhou uma bolsa de estudos.",
    "Eles acenderam a lareira.",
]

# sub-tarefa → (o critério, as opções, {rótulo: frases})
CLASSIFICATION_TASKS = {
    "sentimento": ("o sentimento", ["positivo", "negativo"], {"positivo": POSITIVE, "negativo": NEGATIVE}),
    "tipo": ("o tipo", ["pergunta", "exclamação", "afirmação"],
             {"pergunta": QUESTIONS, "exclamação": EXCLAMATIONS, "afirmação": STATEMENTS}),
    "pessoa": ("a pessoa do sujeito", ["primeira pessoa", "terceira pessoa"],
               {"primeira pessoa": FIRST_PERSON, "terceira pessoa": THIRD_PERSON}),
}


def join_options(options: list[str]) -> str:
    """["a", "b", "c"] → "a, b ou c"."""
    return ", ".join(options[:-1]) + " ou " + options[-1]


@register("classificacao", "classificação", [
    "Oi! Você pode dizer se {criterio} desta frase é {opcoes}?",
    "Classifique {criterio} da frase abaixo como {opcoes}.",
    "{criterio_cap} desta frase é {opcoes}?",
    "Por favor, diga se {criterio} da frase é {opcoes}.",
    "Poderia me dizer {criterio} desta frase? Responda {opcoes}.",
    "Olá! Qual é {criterio} da frase a seguir: {opcoes}?",
    "Você pode classificar {criterio} desta frase como {opcoes}?",
    "Responda só com {opcoes}: qual é {criterio} da frase?",
    "Bom dia! Classifique {criterio} desta frase ({opcoes}).",
    "Preciso saber {criterio} desta frase: é {opcoes}?",
    "Leia a frase e diga se {criterio} dela é {opcoes}.",
    "Me ajuda? {criterio_cap} desta frase é {opcoes}?",
])
def items_classificacao(rng: random.Random) -> list[Item]:
    items = []
    for task, (criterion, options, by_label) in CLASSIFICATION_TASKS.items():
        for label, sentences in by_label.items():
            for sentence in sentences:
                shown = options[:]
                rng.shuffle(shown)
                slots = {"criterio": criterion, "criterio_cap": criterion[0].upper() + criterion[1:],
                         "opcoes": join_options(shown), "tarefa": task}
                items.append(Item("classificacao", f"classificacao:{sentence}", sentence, label, slots))
    rng.shuffle(items)
    return items


# ---------------------------------------------------------------------------------------------------------
# 2. Reescrita: mudanças locais que uma regra refaz
# ---------------------------------------------------------------------------------------------------------

# Sujeito | predicado: o verbo é a primeira palavra depois da barra, então a negativa põe "não" ali.
REWRITE_SENTENCES = [
    "Marta | comprou pão na padaria.",
    "O menino | quebrou a janela da cozinha.",
    "Meu pai | trabalha aos sábados.",
    "A loja | abre às oito horas.",
    "Os alunos | fizeram a lição de casa.",
    "Carlos | gosta de jogar xadrez.",
    "A vizinha | regou as plantas.",
    "O cachorro | fugiu pelo portão.",
    "Você | trancou a porta da frente.",
    "Ana | viajou de avião.",
    "O bolo | ficou pronto.",
    "Meus primos | vieram para o almoço.",
    "A água | está gelada.",
    "O médico | atendeu a senhora.",
    "Joana | aprendeu a andar de bicicleta.",
    "O trem | chegou no horário.",
    "Vocês | gostaram do filme.",
    "O professor | corrigiu as provas.",
    "Renato | pagou a conta de luz.",
    "A torneira | está pingando.",
    "Minha irmã | mora em Belo Horizonte.",
    "O gato | comeu a ração.",
    "Os meninos | jogaram bola na praça.",
    "Paulo | encontrou uma moeda antiga.",
    "A sopa | está quente.",
    "O vento | apagou a vela.",
    "Luísa | sabe tocar flauta.",
    "A reunião | terminou cedo.",
    "O padeiro | acorda de madrugada.",
    "Os turistas | visitaram a igreja.",
    "Tiago | consertou o chuveiro.",
    "A criança | dormiu no carro.",
    "Você | fechou as janelas.",
    "O carro | precisa de gasolina.",
    "Beatriz | fez o jantar.",
    "Os pássaros | cantam de manhã.",
    "O jornal | chegou cedo.",
    "Helena | usa óculos.",
    "O avô | contou uma história.",
    "A farmácia | fica aberta à noite.",
    "Os vizinhos | fizeram barulho.",
    "Eduardo | vendeu a moto.",
    "A chuva | molhou as roupas do varal.",
    "O bebê | tomou banho.",
    "Sofia | estuda francês.",
    "Vocês | chegaram a tempo.",
    "O ônibus | passa por esta rua.",
    "Marcos | esqueceu o celular em casa.",
    "A cozinheira | preparou uma torta.",
    "O menino | tem medo do escuro.",
    "Laura | ganhou a corrida.",
    "Os operários | terminaram a obra.",
    "O leite | derramou na mesa.",
    "Fernanda | gosta de dançar.",
    "O relógio | atrasou cinco minutos.",
    "Rafael | lavou a louça.",
    "A porta | rangeu de noite.",
    "Os convidados | trouxeram presentes.",
    "O peixe | está fresco.",
    "Clara | escreveu uma carta para a avó.",
    "O motorista | parou no sinal.",
    "Gustavo | quer um sorvete.",
    "A lâmpada | queimou.",
    "As meninas | brincaram no quintal.",
    "O técnico | mudou o time.",
    "Isabel | fala inglês.",
    "O cozinheiro | usou muito sal.",
    "Você | ligou para o dentista.",
    "A professora | explicou a lição.",
    "Daniel | perdeu a chave do carro.",
    "O sorvete | derreteu no sol.",
    "Os filhos | ajudaram a mãe.",
    "Mariana | pintou o quarto.",
    "O pão | está duro.",
    "Roberto | chegou de viagem.",
    "A gata | teve filhotes.",
    "Os estudantes | leram o livro.",
    "Vítor | toca bateria.",
    "A panela | está no fogo.",
    "O dono da loja | deu um desconto.",
    "Patrícia | mudou de emprego.",
    "O rádio | está ligado.",
    "Nós | fomos ao mercado.",
    "A vovó | encontrou um gatinho na rua.",
    "Nós | compramos frutas na feira.",
    "Meu tio | gosta de sopa de legumes.",
    "Lucas | dormiu no sofá.",
    "A fila | andou rápido.",
    "O time | ganhou o jogo.",
    "Camila | fez aniversário ontem.",
    "O pedreiro | levantou o muro.",
    "Minha mãe | costura vestidos.",
    "Ricardo | comprou um carro usado.",
    "A menina | perdeu um dente.",
    "O cachorro | latiu a noite inteira.",
    "Júlia | chorou no cinema.",
    "O vendedor | embrulhou o presente.",
    "Os avós | fizeram uma surpresa.",
    "André | pintou um quadro.",
    "A chaleira | apitou.",
]

# Plural regular: vogal → +s; -m → -ns; -r/-z → +es; -al → -ais; -el → -éis; -ol → -óis.
PLURAL_WORDS = [
    "casa", "livro", "café", "sofá", "chave", "ponte", "maçã", "tatu", "caqui", "jacaré",
    "homem", "viagem", "jardim", "bombom", "nuvem", "trem", "atum", "garagem",
    "flor", "mar", "colher", "mulher", "luz", "voz", "nariz", "rapaz", "cruz", "professor", "cantor",
    "animal", "jornal", "quintal", "varal", "papel", "anel", "pastel", "hotel", "lençol", "farol", "anzol",
]

# Feminino regular: -o → -a.
FEMININE_WORDS = [
    "menino", "gato", "aluno", "tio", "filho", "vizinho", "amigo", "primo", "neto", "moço",
    "sobrinho", "cozinheiro", "enfermeiro", "advogado", "noivo", "lobo", "pato", "coelho", "macaco", "garoto",
    "sogro", "cunhado", "padeiro", "fazendeiro", "médico", "veterinário", "secretário", "namorado",
]


def plural_of(word: str) -> str:
    if word.endswith("m"):
        return word[:-1] + "ns"
    if word.endswith(("r", "z")):
        return word + "es"
    if word.endswith("al"):
        return word[:-2] + "ais"
    if word.endswith("el"):
        return word[:-2] + "éis"
    if word.endswith("ol"):
        return word[:-2] + "óis"
    if word[-1] in "aeiouáéíóúâêôã":
        return word + "s"
    raise ValueError(f"{word}: fora das regras do plural regular")


def feminine_of(word: str) -> str:
    if not word.endswith("o"):
        raise ValueError(f"{word}: fora da regra -o → -a")
    return word[:-1] + "a"


def negate(subject: str, predicate: str) -> str:
    return f"{subject} não {predicate}"


# sub-tarefa → (infinitivos para "Você pode …?", pedidos no imperativo, perguntas)
REWRITE_TASKS = {
    "negacao": (
        ["passar esta frase para a negativa", "colocar esta frase na forma negativa",
         "escrever esta frase na negativa"],
        ["Passe esta frase para a negativa.", "Coloque esta frase na forma negativa.",
         "Reescreva a frase na negativa."],
        ["Como fica esta frase na negativa?", "Como fica a frase na forma negativa?"],
    ),
    "pergunta": (
        ["transformar esta afirmação em pergunta", "passar esta frase para a forma de pergunta"],
        ["Transforme esta afirmação em pergunta.", "Reescreva a frase como pergunta."],
        ["Como fica esta frase em forma de pergunta?", "Como fica esta afirmação como pergunta?"],
    ),
    "primeira": (
        ["dizer a primeira palavra desta frase", "copiar a primeira palavra da frase"],
        ["Copie a primeira palavra da frase.", "Escreva só a primeira palavra desta frase."],
        ["Qual é a primeira palavra desta frase?", "Que palavra abre esta frase?"],
    ),
    "ultima": (
        ["dizer a última palavra desta frase", "copiar a última palavra da frase"],
        ["Copie a última palavra da frase.", "Escreva só a última palavra desta frase."],
        ["Qual é a última palavra desta frase?", "Que palavra fecha esta frase?"],
    ),
    "plural": (
        ["escrever o plural desta palavra", "me dizer o plural desta palavra"],
        ["Escreva o plural desta palavra.", "Passe esta palavra para o plural."],
        ["Qual é o plural desta palavra?", "Como fica esta palavra no plural?"],
    ),
    "feminino": (
        ["escrever o feminino desta palavra", "me dizer o feminino desta palavra"],
        ["Escreva o feminino desta palavra.", "Passe esta palavra para o feminino."],
        ["Qual é o feminino desta palavra?", "Como fica esta palavra no feminino?"],
    ),
}


def rewrite_slots(rng: random.Random, task: str) -> dict:
    infinitives, imperatives, questions = REWRITE_TASKS[task]
    imperative = rng.choice(imperatives)
    return {"inf": rng.choice(infinitives), "imp": imperative, "imp_min": lower_first(imperative),
            "perg": rng.choice(questions), "tarefa": task}


@register("reescrita", "reescrita", [
    "Oi! Você pode {inf}?",
    "Você poderia {inf}, por favor?",
    "{imp}",
    "Por favor, {imp_min}",
    "{perg}",
    "Olá! {perg}",
    "Poderia {inf}?",
    "Bom dia! {imp}",
    "Queria {inf}. Pode me ajudar?",
    "Será que você consegue {inf}?",
    "Me ajuda com uma coisa? {perg}",
    "Oi, tudo bem? {imp}",
])
def items_reescrita(rng: random.Random) -> list[Item]:
    items = []
    # Cada frase ganha duas das quatro sub-tarefas, no mesmo grupo; os seis pares se revezam.
    pairs = [("negacao", "pergunta"), ("negacao", "primeira"), ("negacao", "ultima"),
             ("pergunta", "primeira"), ("pergunta", "ultima"), ("primeira", "ultima")]
    sentences = REWRITE_SENTENCES[:]
    rng.shuffle(sentences)
    for number, marked in enumerate(sentences):
        subject, predicate = (part.strip() for part in marked.split("|"))
        sentence = f"{subject} {predicate}"
        group = f"reescrita:{sentence}"
        for task in pairs[number % len(pairs)]:
            if task == "negacao":
                output = negate(subject, predicate)
            elif task == "pergunta":
                output = sentence[:-1] + "?"
            elif task == "primeira":
                output = words_of(sentence)[0]
            else:
                output = words_of(sentence)[-1]
            slots = rewrite_slots(rng, task) | {"verbo": len(subject.split())}
            items.append(Item("reescrita", group, sentence, output, slots))
    for task, words, rule in (("plural", PLURAL_WORDS, plural_of), ("feminino", FEMININE_WORDS, feminine_of)):
        for word in words:
            items.append(Item("reescrita", f"reescrita:{task}:{word}", word, rule(word), rewrite_slots(rng, task)))
    rng.shuffle(items)
    return items


# ---------------------------------------------------------------------------------------------------------
# 3. Escolha entre duas formas dadas no pedido
# ---------------------------------------------------------------------------------------------------------

# (certa, errada): só pares em que a forma certa não deixa dúvida.
SPELLING_PAIRS = [
    ("exceção", "excessão"), ("paralisar", "paralizar"), ("beneficente", "beneficiente"),
    ("cabeleireiro", "cabelereiro"), ("mendigo", "mendingo"), ("privilégio", "previlégio"),
    ("prazeroso", "prazeiroso"), ("asterisco", "asterístico"), ("frustrado", "frustado"),
    ("bandeja", "bandeija"), ("caranguejo", "carangueijo"), ("salsicha", "salchicha"),
    ("mortadela", "mortandela"), ("iogurte", "iorgute"), ("problema", "poblema"), ("próprio", "própio"),
    ("bicarbonato", "bicabornato"), ("cadarço", "cardaço"), ("estrear", "estreiar"), ("empecilho", "impecilho"),
    ("meteorologia", "metereologia"), ("reivindicar", "reinvindicar"), ("excesso", "exceço"),
    ("analisar", "analizar"), ("pesquisar", "pesquizar"), ("atrás", "atraz"), ("através", "atravéz"),
    ("cansaço", "cansasso"), ("licença", "licensa"), ("ascensão", "acensão"), ("necessário", "nescessário"),
    ("obsessão", "obcessão"), ("ansioso", "ancioso"), ("extensão", "extenção"), ("pretensão", "pretenção"),
    ("xícara", "chícara"), ("enxergar", "enchergar"), ("chuchu", "xuxu"), ("berinjela", "beringela"),
    ("jeito", "geito"), ("gorjeta", "gorgeta"), ("majestade", "magestade"), ("umbigo", "embigo"),
    ("bugiganga", "bogiganga"), ("discussão", "discursão"), ("supérfluo", "supérfulo"),
    ("espontâneo", "expontâneo"), ("estender", "extender"), ("hesitar", "exitar"), ("mexer", "mecher"),
    ("puxar", "puchar"), ("enxada", "enchada"), ("caçula", "cassula"), ("assessor", "acessor"),
    ("sessenta", "cessenta"), ("cinquenta", "cincoenta"), ("rubrica", "rúbrica"), ("gratuito", "gratuíto"),
    ("ruim", "ruím"), ("admissão", "admição"), ("compreensão", "compreenção"), ("atenção", "atensão"),
    ("análise", "análize"), ("surpresa", "surpreza"), ("empresa", "empreza"), ("buzina", "busina"),
    ("cabeçalho", "cabeçário"), ("seja", "seje"), ("esteja", "esteje"), ("lagartixa", "largatixa"),
    ("bicicleta", "bicicreta"), ("companhia", "compania"), ("prateleira", "parteleira"),
    ("sobrancelha", "sombrancelha"), ("manteiga", "mantega"), ("adivinhar", "advinhar"), ("frear", "freiar"),
    ("esquisito", "esquesito"), ("bueiro", "boeiro"),
]

# A forma certa vem primeiro dentro das chaves: {certa|errada}.
CRASE_SENTENCES = [
    "Vou {à|a} praia no domingo.",
    "Ela foi {à|a} feira comprar frutas.",
    "Cheguei {à|a} escola atrasado.",
    "Entreguei o bilhete {à|a} diretora.",
    "Voltamos {à|a} cidade depois das férias.",
    "Assisti {à|a} peça com meus pais.",
    "Obedeça {às|as} regras do jogo.",
    "Chegamos {à|a} conclusão de que era tarde.",
    "Saímos {às|as} oito horas.",
    "Ele comprou a geladeira {à|a} vista.",
    "Fizemos o frango {à|a} moda da casa.",
    "Volto {à|a} noite.",
    "Saí {às|as} pressas.",
    "Eles se encontraram {às|as} escondidas.",
    "O apartamento está {à|a} venda.",
    "Mandei flores {à|a} professora.",
    "Fui {à|a} farmácia comprar remédio.",
    "Levei o cachorro {à|a} veterinária.",
    "A loja fica {à|a} direita do banco.",
    "Vire {à|a} esquerda na próxima rua.",
    "Ela fez o desenho {à|a} mão.",
    "Fiquei {à|a} espera do ônibus.",
    "Fui {à|a} casa da minha tia.",
    "Ela se dedica {à|a} música.",
    "Vou {à|a} Bahia no verão.",
    "A reunião será {às|as} duas da tarde.",
    "O banco abre {às|as} dez horas.",
    "Fui {à|a} missa com minha avó.",
    "Ele pediu desculpas {à|a} vizinha.",
    "Sentamos {à|a} mesa para jantar.",
    "O barco chegou {à|a} ilha.",
    "Ele começou {a|à} chorar.",
    "Fomos {a|à} pé até o centro.",
    "Escrevi a carta {a|à} lápis.",
    "Comprei o sofá {a|à} prazo.",
    "Daqui {a|à} pouco o filme começa.",
    "Ficamos frente {a|à} frente.",
    "Os dois conversaram cara {a|à} cara.",
    "A água caía gota {a|à} gota.",
    "Estou disposto {a|à} ajudar.",
    "Contei a novidade {a|à} ela.",
    "Mandei um recado {a|à} você.",
    "Aprendi {a|à} nadar com meu pai.",
    "Fizemos o trabalho passo {a|à} passo.",
    "O museu fica {a|à} duas quadras daqui.",
    "Vendemos tudo {a|à} preço de custo.",
    "Entreguei o pacote {a|à} um vizinho.",
    "O pedido chegou {a|à} tempo.",
    "Ele voltou {a|à} falar do assunto.",
    "Andamos de ponta {a|à} ponta da praia.",
    "Trabalho de segunda {a|à} sexta.",
    "Prefiro cinema {a|à} teatro.",
    "Assistimos {a|à} um bom filme.",
    "Dei comida {a|à} gatos de rua.",
    "Fomos {a|à} Curitiba de ônibus.",
]

AGREEMENT_SENTENCES = [
    "As crianças {brincaram|brincou} na areia.",
    "Os livros {estão|está} na estante.",
    "Nós {saímos|saiu} depois da chuva.",
    "Meus amigos {chegaram|chegou} de viagem.",
    "As flores {murcharam|murchou} com o calor.",
    "Os pães {acabaram|acabou} cedo.",
    "Eu e minha irmã {gostamos|gosta} de sorvete.",
    "Os meninos {correram|correu} até a esquina.",
    "As portas {estavam|estava} abertas.",
    "Você e eu {combinamos|combina} de sair.",
    "Os alunos {ficaram|ficou} em silêncio.",
    "As cartas {chegaram|chegou} ontem.",
    "Os cachorros {latiram|latiu} para o carteiro.",
    "{Faltam|Falta} dois dias para o Natal.",
    "{Faz|Fazem} dez anos que moro aqui.",
    "{Houve|Houveram} muitos problemas na viagem.",
    "{Existem|Existe} muitas lojas nesta rua.",
    "{Sobraram|Sobrou} três pedaços de bolo.",
    "{Haverá|Haverão} duas reuniões amanhã.",
    "{Chegaram|Chegou} as encomendas.",
    "{Faltou|Faltaram} açúcar no café.",
    "Minha mãe e meu pai {trabalham|trabalha} juntos.",
    "Os vizinhos {reclamaram|reclamou} do barulho.",
    "As meninas {cantaram|cantou} na festa da escola.",
    "A gente {vai|vamos} ao cinema hoje.",
    "Os ônibus {atrasaram|atrasou} por causa da chuva.",
    "Os pássaros {voaram|voou} para longe.",
    "Vocês {precisam|precisa} descansar.",
    "Eles {trouxeram|trouxe} o almoço.",
    "As janelas {ficaram|ficou} sujas.",
    "Os preços {subiram|subiu} muito.",
    "Os convidados {gostaram|gostou} da comida.",
    "As folhas {caíram|caiu} no outono.",
    "O pai e o filho {pescaram|pescou} no rio.",
    "Os pratos {quebraram|quebrou} na mudança.",
    "A casa nova é {bonita|bonito}.",
    "As gavetas ficaram {abertas|abertos}.",
    "Os tomates estão {maduros|maduras}.",
    "As xícaras estão {limpas|limpos}.",
    "Comprei duas blusas {amarelas|amarelos}.",
    "O menino está {cansado|cansada}.",
    "As camisas estão {molhadas|molhados}.",
    "Meus sapatos estão {apertados|apertadas}.",
    "A rua está {escura|escuro}.",
    "Os bolos ficaram {gostosos|gostosas}.",
    "A porta está {fechada|fechado}.",
    "Elas estão {felizes|feliz}.",
    "As meninas estão {prontas|prontos}.",
    "Os pães estão {quentinhos|quentinhas}.",
    "A água está {fria|frio}.",
    "Os quartos são {pequenos|pequenas}.",
    "A praia estava {cheia|cheio}.",
    "Achei as provas {difíceis|difícil}.",
    "O céu está {nublado|nublada}.",
    "A cadeira está {quebrada|quebrado}.",
    "Meus avós são {carinhosos|carinhosas}.",
    "As maçãs estão {verdes|verde}.",
    "Ela ficou {contente|contentes}.",
    "Os copos estão {vazios|vazias}.",
    "A biblioteca está {silenciosa|silencioso}.",
    "As ruas estavam {desertas|desertos}.",
    "O arroz ficou {queimado|queimada}.",
    "As crianças estavam {sujas|sujos}.",
    "Meu irmão é {alto|alta}.",
    "Minhas tias são {simpáticas|simpáticos}.",
    "O vestido é {caro|cara}.",
    "As cortinas são {novas|novos}.",
    "Os cadernos estão {rasgados|rasgadas}.",
    "A banana está {podre|podres}.",
    "Ela está {meio|meia} cansada.",
    "Hoje há {menos|menas} pessoas na fila.",
    "Elas {mesmas|mesmo} fizeram o bolo.",
    "Os cães e as gatas estão {cansados|cansadas}.",
]


@register("escolha", "escolha entre duas formas", [
    "Oi! Qual destas duas {coisas} está escrita do jeito certo?",
    "Você pode me dizer qual {coisa} está correta?",
    "Escolha a {coisa} correta.",
    "Qual das duas {coisas} está certa?",
    "Por favor, copie a {coisa} correta.",
    "Fiquei em dúvida entre estas duas {coisas}. Qual está certa?",
    "Olá! Qual é a forma correta?",
    "Indique a forma correta, por favor.",
    "Poderia escolher a {coisa} que está certa?",
    "Me ajuda? Qual destas {coisas} está correta?",
    "Qual forma está certa?",
    "Responda com a {coisa} correta.",
])
def items_escolha(rng: random.Random) -> list[Item]:
    bases = [("grafia", right, wrong) for right, wrong in SPELLING_PAIRS]
    bases += [("crase", *split_marked(marked)) for marked in CRASE_SENTENCES]
    bases += [("concordancia", *split_marked(marked)) for marked in AGREEMENT_SENTENCES]
    items = []
    for task, right, wrong in bases:
        shown = [right, wrong]
        rng.shuffle(shown)
        thing = "palavra" if task == "grafia" else "frase"
        slots = {"coisa": thing, "coisas": thing + "s", "tarefa": task}
        items.append(Item("escolha", f"escolha:{right}", "\n".join(shown), right, slots))
    rng.shuffle(items)
    return items


# ---------------------------------------------------------------------------------------------------------
# 4. Resposta a partir de um trecho: a resposta é um pedaço copiado do trecho
# ---------------------------------------------------------------------------------------------------------

# (trecho, [(pergunta, resposta copiada do trecho)]); o tipo da pergunta sai da palavra que a abre.
PASSAGES = [
    ("Lúcia levou o gato ao veterinário na sexta-feira. O médico disse que ele estava com saúde e receitou "
     "vitaminas.",
     [("Quem levou o gato ao veterinário?", "Lúcia"),
      ("Quando Lúcia levou o gato ao veterinário?", "na sexta-feira"),
      ("O que o médico receitou?", "vitaminas")]),
    ("Rodrigo foi à biblioteca depois do almoço para devolver dois livros. Lá ele encontrou Sílvia, uma amiga "
     "da escola.",
     [("Quem Rodrigo encontrou na biblioteca?", "Sílvia"),
      ("Aonde Rodrigo foi depois do almoço?", "à biblioteca"),
      ("Quando Rodrigo foi à biblioteca?", "depois do almoço"),
      ("O que Rodrigo foi devolver?", "dois livros")]),
    ("No sábado, Teresa fez um bolo de laranja. Ela deixou o bolo esfriando na janela da cozinha.",
     [("Quem fez um bolo de laranja?", "Teresa"),
      ("O que Teresa fez no sábado?", "um bolo de laranja"),
      ("Onde Teresa deixou o bolo esfriando?", "na janela da cozinha")]),
    ("Jorge esqueceu o guarda-chuva no ônibus. Quando chegou ao trabalho, estava todo molhado.",
     [("Quem esqueceu o guarda-chuva?", "Jorge"),
      ("Onde Jorge esqueceu o guarda-chuva?", "no ônibus"),
      ("O que Jorge esqueceu no ônibus?", "o guarda-chuva")]),
    ("A festa de Helena será em maio, no salão do prédio. Ela convidou os colegas do escritório.",
     [("Quando será a festa de Helena?", "em maio"),
      ("Onde será a festa de Helena?", "no salão do prédio"),
      ("Quem Helena convidou?", "os colegas do escritório")]),
    ("Caio plantou um pé de limão no quintal em março. Agora a árvore já dá frutos.",
     [("Quem plantou um pé de limão?", "Caio"),
      ("O que Caio plantou no quintal?", "um pé de limão"),
      ("Onde Caio plantou o pé de limão?", "no quintal"),
      ("Quando Caio plantou o pé de limão?", "em março")]),
    ("Dona Rosa vende pastéis na feira de domingo. O de queijo é o mais procurado pelos fregueses.",
     [("Quem vende pastéis na feira?", "Dona Rosa"),
      ("O que Dona Rosa vende?", "pastéis"),
      ("Onde Dona Rosa vende pastéis?", "na feira de domingo")]),
    ("Bruno e Carla se casaram em junho numa igreja pequena. A festa foi no sítio do avô.",
     [("Quem se casou em junho?", "Bruno e Carla"),
      ("Quando Bruno e Carla se casaram?", "em junho"),
      ("Onde foi a festa do casamento?", "no sítio do avô")]),
    ("Marina perdeu as chaves de casa ontem à noite. Depois de muito procurar, achou as chaves dentro da bolsa.",
     [("Quem perdeu as chaves?", "Marina"),
      ("Quando Marina perdeu as chaves?", "ontem à noite"),
      ("Onde Marina achou as chaves?", "dentro da bolsa"),
      ("O que Marina perdeu?", "as chaves de casa")]),
    ("O trem para Campinas sai às dez horas da plataforma dois. Otávio comprou a passagem pela manhã.",
     [("Quando sai o trem para Campinas?", "às dez horas"),
      ("Quem comprou a passagem?", "Otávio"),
      ("De onde sai o trem para Campinas?", "da plataforma dois")]),
    ("Gabriela ganhou uma bicicleta azul no aniversário. Ela anda de bicicleta todas as tardes com o irmão.",
     [("Quem ganhou uma bicicleta?", "Gabriela"),
      ("O que Gabriela ganhou no aniversário?", "uma bicicleta azul"),
      ("Quando Gabriela anda de bicicleta?", "todas as tardes")]),
    ("Henrique trabalha como garçom num restaurante da praia. Ele começa o serviço às cinco da tarde.",
     [("Quem trabalha como garçom?", "Henrique"),
      ("Onde Henrique trabalha?", "num restaurante da praia"),
      ("Quando Henrique começa o serviço?", "às cinco da tarde")]),
    ("Os alunos da professora Vera visitaram o zoológico na quarta-feira. O bicho preferido da turma foi a "
     "girafa.",
     [("Quem era a professora dos alunos?", "Vera"),
      ("Quando os alunos visitaram o zoológico?", "na quarta-feira"),
      ("O que os alunos visitaram?", "o zoológico")]),
    ("Alice guardou as cartas da avó numa lata de biscoitos. A lata fica em cima do armário.",
     [("Quem guardou as cartas da avó?", "Alice"),
      ("O que Alice guardou na lata?", "as cartas da avó"),
      ("Onde fica a lata?", "em cima do armário")]),
    ("Fábio pescou três peixes no rio durante as férias. À noite, a família assou os peixes na brasa.",
     [("Quem pescou três peixes?", "Fábio"),
      ("Onde Fábio pescou?", "no rio"),
      ("Quando Fábio pescou os peixes?", "durante as férias"),
      ("O que Fábio pescou?", "três peixes")]),
    ("A reunião de condomínio foi às oito horas no salão de festas. O síndico, Seu Álvaro, falou da pintura do "
     "prédio.",
     [("Quem é o síndico?", "Seu Álvaro"),
      ("Quando foi a reunião de condomínio?", "às oito horas"),
      ("Onde foi a reunião de condomínio?", "no salão de festas")]),
    ("Pedrinho quebrou o vidro da vizinha com uma bola. Ele pediu desculpas e ajudou a limpar a calçada.",
     [("Quem quebrou o vidro da vizinha?", "Pedrinho"),
      ("O que Pedrinho quebrou?", "o vidro da vizinha"),
      ("O que Pedrinho ajudou a limpar?", "a calçada")]),
    ("Rita faz caminhada na praça todos os dias às sete. Ela leva o cachorro, que se chama Pipoca.",
     [("Quem faz caminhada na praça?", "Rita"),
      ("Onde Rita faz caminhada?", "na praça"),
      ("Quando Rita faz caminhada?", "às sete"),
      ("O que Rita leva na caminhada?", "o cachorro")]),
    ("Leonardo comprou um sofá novo na loja do centro. A entrega ficou marcada para terça-feira.",
     [("Quem comprou um sofá novo?", "Leonardo"),
      ("O que Leonardo comprou?", "um sofá novo"),
      ("Onde Leonardo comprou o sofá?", "na loja do centro"),
      ("Quando vai ser a entrega do sofá?", "para terça-feira")]),
    ("Cecília aprendeu a fazer pão com a avó. Elas preparam a massa juntas todo domingo.",
     [("Quem ensinou Cecília a fazer pão?", "a avó"),
      ("O que Cecília aprendeu a fazer?", "pão"),
      ("Quando Cecília e a avó preparam a massa?", "todo domingo")]),
    ("O ônibus escolar quebrou na estrada de manhã. Os alunos chegaram à escola só depois do recreio.",
     [("Onde o ônibus escolar quebrou?", "na estrada"),
      ("Quando o ônibus escolar quebrou?", "de manhã"),
      ("Quando os alunos chegaram à escola?", "depois do recreio")]),
    ("Vanessa pintou a parede da sala de verde. O marido dela, Sérgio, achou a cor bonita.",
     [("Quem pintou a parede da sala?", "Vanessa"),
      ("O que Vanessa pintou?", "a parede da sala"),
      ("Quem é o marido de Vanessa?", "Sérgio")]),
    ("Diego visitou os tios em Porto Alegre nas férias de julho. Ele voltou com um casaco de lã.",
     [("Quem visitou os tios?", "Diego"),
      ("Onde Diego visitou os tios?", "em Porto Alegre"),
      ("Quando Diego visitou os tios?", "nas férias de julho")]),
    ("Seu Antônio conserta relógios numa loja na rua Direita. Ele abre a loja às nove.",
     [("Quem conserta relógios?", "Seu Antônio"),
      ("O que Seu Antônio conserta?", "relógios"),
      ("Quando Seu Antônio abre a loja?", "às nove"),
      ("Onde fica a loja de Seu Antônio?", "na rua Direita")]),
    ("Júlio deixou a bicicleta presa no poste em frente ao mercado. Quando saiu, viu que o pneu estava furado.",
     [("Quem deixou a bicicleta no poste?", "Júlio"),
      ("Onde Júlio deixou a bicicleta?", "no poste"),
      ("O que estava furado?", "o pneu")]),
    ("Estela mandou uma carta para a prima que mora em Manaus. A carta chegou depois de duas semanas.",
     [("Quem mandou uma carta?", "Estela"),
      ("O que Estela mandou para a prima?", "uma carta"),
      ("Onde a prima de Estela mora?", "em Manaus"),
      ("Quando a carta chegou?", "depois de duas semanas")]),
    ("Ivo e Tânia acamparam perto de uma cachoeira no feriado. À noite, eles fizeram uma fogueira.",
     [("Quem acampou perto da cachoeira?", "Ivo e Tânia"),
      ("Onde Ivo e Tânia acamparam?", "perto de uma cachoeira"),
      ("Quando Ivo e Tânia acamparam?", "no feriado"),
      ("O que eles fizeram à noite?", "uma fogueira")]),
    ("Miguel tem uma tartaruga chamada Lenta. Ela vive num aquário grande na sala e come folhas de alface.",
     [("Quem tem uma tartaruga?", "Miguel"),
      ("Onde vive a tartaruga?", "num aquário grande"),
      ("O que a tartaruga come?", "folhas de alface")]),
    ("O casamento de Paula foi num sábado de sol. Os convidados dançaram no jardim até meia-noite.",
     [("Quem se casou?", "Paula"),
      ("Quando foi o casamento de Paula?", "num sábado de sol"),
      ("Onde os convidados dançaram?", "no jardim")]),
    ("Renata esqueceu o bolo no forno e ele queimou. Para a festa, ela comprou uma torta na confeitaria.",
     [("Quem esqueceu o bolo no forno?", "Renata"),
      ("O que Renata comprou para a festa?", "uma torta"),
      ("Onde Renata comprou a torta?", "na confeitaria")]),
    ("Artur joga futebol com os colegas às sextas-feiras. O jogo é numa quadra do bairro.",
     [("Quem joga futebol com os colegas?", "Artur"),
      ("Quando Artur joga futebol?", "às sextas-feiras"),
      ("Onde é o jogo de futebol?", "numa quadra do bairro")]),
    ("Denise trabalha numa floricultura. Hoje ela preparou um buquê de rosas para um casamento.",
     [("Quem trabalha numa floricultura?", "Denise"),
      ("Onde Denise trabalha?", "numa floricultura"),
      ("O que Denise preparou?", "um buquê de rosas")]),
    ("Samuel encontrou um filhote de gato debaixo do carro. Ele deu leite ao filhote e o levou para casa.",
     [("Quem encontrou um filhote de gato?", "Samuel"),
      ("Onde Samuel encontrou o filhote?", "debaixo do carro"),
      ("O que Samuel deu ao filhote?", "leite")]),
    ("Lívia marcou uma consulta com o dentista para quinta-feira. Ela está com dor de dente desde segunda.",
     [("Quem marcou uma consulta com o dentista?", "Lívia"),
      ("Quando é a consulta de Lívia?", "para quinta-feira"),
      ("O que Lívia está sentindo?", "dor de dente")]),
    ("Os irmãos Davi e Nina montaram um quebra-cabeça de mil peças nas férias. Ele ficou pronto em três dias.",
     [("Quem montou o quebra-cabeça?", "Davi e Nina"),
      ("O que Davi e Nina montaram?", "um quebra-cabeça"),
      ("Quando Davi e Nina montaram o quebra-cabeça?", "nas férias")]),
    ("Tomás vendeu limonada na porta de casa durante o verão. Com o dinheiro, comprou uma bola de futebol.",
     [("Quem vendeu limonada?", "Tomás"),
      ("Onde Tomás vendeu limonada?", "na porta de casa"),
      ("Quando Tomás vendeu limonada?", "durante o verão"),
      ("O que Tomás comprou com o dinheiro?", "uma bola de futebol")]),
    ("Heloísa deixou um bilhete na geladeira para o filho. No bilhete, pedia que ele tirasse o lixo.",
     [("Quem deixou um bilhete na geladeira?", "Heloísa"),
      ("Onde Heloísa deixou o bilhete?", "na geladeira"),
      ("O que Heloísa deixou na geladeira?", "um bilhete")]),
    ("O circo chegou à cidade na segunda-feira. A primeira apresentação será no domingo, na praça da matriz.",
     [("Quando o circo chegou à cidade?", "na segunda-feira"),
      ("Quando será a primeira apresentação do circo?", "no domingo"),
      ("Onde será a apresentação do circo?", "na praça da matriz")]),
    ("Flávia pegou emprestada a furadeira do vizinho. Ela pendurou três quadros na parede do corredor.",
     [("Quem pegou a furadeira emprestada?", "Flávia"),
      ("Onde Flávia pendurou os quadros?", "na parede do corredor"),
      ("O que Flávia pendurou na parede?", "três quadros")]),
    ("Nicolau acordou tarde e perdeu a prova de inglês. A professora deixou que ele fizesse a prova na terça.",
     [("Quem perdeu a prova de inglês?", "Nicolau"),
      ("O que Nicolau perdeu?", "a prova de inglês"),
      ("Quando Nicolau vai fazer a prova?", "na terça")]),
    ("Amanda recebeu os amigos para um café da tarde. Ela serviu bolo de milho e suco de maracujá.",
     [("Quem recebeu os amigos para um café?", "Amanda"),
      ("Quem Amanda recebeu?", "os amigos"),
      ("O que Amanda serviu com o suco?", "bolo de milho")]),
    ("Mateus guardou o dinheiro da mesada num cofrinho de porco. Ele quer comprar um videogame em dezembro.",
     [("Quem guardou o dinheiro da mesada?", "Mateus"),
      ("Onde Mateus guardou o dinheiro?", "num cofrinho de porco"),
      ("Quando Mateus quer comprar o videogame?", "em dezembro"),
      ("O que Mateus quer comprar?", "um videogame")]),
    ("Lorena viajou de trem até Ouro Preto. Na cidade, ela visitou igrejas antigas e comprou doce de leite.",
     [("Quem viajou de trem até Ouro Preto?", "Lorena"),
      ("Aonde Lorena viajou de trem?", "até Ouro Preto"),
      ("O que Lorena visitou na cidade?", "igrejas antigas"),
      ("O que Lorena comprou na cidade?", "doce de leite")]),
    ("Raquel organizou um bazar na garagem de casa no último domingo. Ela vendeu roupas, livros e brinquedos.",
     [("Quem organizou um bazar?", "Raquel"),
      ("Onde foi o bazar de Raquel?", "na garagem de casa"),
      ("Quando foi o bazar de Raquel?", "no último domingo"),
      ("O que Raquel organizou?", "um bazar")]),
    ("Vicente dirige um táxi amarelo há dez anos. Ele trabalha à noite e dorme durante o dia.",
     [("Quem dirige um táxi amarelo?", "Vicente"),
      ("O que Vicente dirige?", "um táxi amarelo"),
      ("Quando Vicente trabalha?", "à noite")]),
    ("Priscila encontrou uma carteira na calçada e a levou à delegacia. O dono, Seu Jaime, agradeceu com "
     "flores.",
     [("Quem encontrou a carteira?", "Priscila"),
      ("Onde Priscila encontrou a carteira?", "na calçada"),
      ("Quem era o dono da carteira?", "Seu Jaime"),
      ("Aonde Priscila levou a carteira?", "à delegacia")]),
    ("Beto e o pai consertaram o telhado no fim de semana. Agora a chuva não entra mais no quarto.",
     [("Quem consertou o telhado?", "Beto e o pai"),
      ("O que Beto e o pai consertaram?", "o telhado"),
      ("Quando Beto e o pai consertaram o telhado?", "no fim de semana")]),
    ("Jussara faz aulas de natação no clube às terças e quintas. Ela já aprendeu a nadar de costas.",
     [("Quem faz aulas de natação?", "Jussara"),
      ("Onde Jussara faz aulas de natação?", "no clube"),
      ("Quando são as aulas de natação?", "às terças e quintas")]),
    ("Wagner plantou alface e cenoura na horta da escola. Os alunos regam a horta toda manhã.",
     [("Quem plantou alface e cenoura?", "Wagner"),
      ("Onde Wagner plantou a alface?", "na horta da escola"),
      ("Quando os alunos regam a horta?", "toda manhã"),
      ("O que Wagner plantou?", "alface e cenoura")]),
    ("Glória assou biscoitos de nata para o lanche. As crianças sentiram o cheiro e correram para a cozinha.",
     [("Quem assou biscoitos de nata?", "Glória"),
      ("O que Glória assou para o lanche?", "biscoitos de nata"),
      ("Quem sentiu o cheiro dos biscoitos?", "As crianças"),
      ("Para onde as crianças correram?", "para a cozinha")]),
    ("Elias perdeu o último ônibus e voltou a pé para casa. Ele chegou em casa à meia-noite.",
     [("Quem perdeu o último ônibus?", "Elias"),
      ("O que Elias perdeu?", "o último ônibus"),
      ("Quando Elias chegou em casa?", "à meia-noite")]),
    ("Sara deu um relógio de presente ao avô no Natal. O avô usa o relógio todos os dias.",
     [("Quem deu um relógio ao avô?", "Sara"),
      ("O que Sara deu ao avô?", "um relógio"),
      ("Quando Sara deu o relógio ao avô?", "no Natal")]),
    ("Letícia e a mãe foram ao cinema no domingo à tarde. Elas assistiram a um desenho e comeram pipoca.",
     [("Quem foi ao cinema no domingo?", "Letícia e a mãe"),
      ("Aonde Letícia e a mãe foram?", "ao cinema"),
      ("Quando Letícia e a mãe foram ao cinema?", "no domingo à tarde"),
      ("O que Letícia e a mãe comeram?", "pipoca")]),
    ("Murilo perdeu o cachorro no parque e colou cartazes pelo bairro. Dois dias depois, uma vizinha achou o "
     "animal.",
     [("Quem perdeu o cachorro?", "Murilo"),
      ("Onde Murilo perdeu o cachorro?", "no parque"),
      ("O que Murilo colou pelo bairro?", "cartazes"),
      ("Quem achou o cachorro de Murilo?", "uma vizinha")]),
    ("Irene guarda as receitas da família num caderno velho. O caderno fica na gaveta da cozinha.",
     [("Quem guarda as receitas da família?", "Irene"),
      ("Onde Irene guarda as receitas?", "num caderno velho"),
      ("Onde fica o caderno de receitas?", "na gaveta da cozinha")]),
    ("Caetano tocou violão na festa junina da escola. Todo mundo cantou junto e dançou quadrilha.",
     [("Quem tocou violão na festa?", "Caetano"),
      ("Onde Caetano tocou violão?", "na festa junina"),
      ("O que Caetano tocou?", "violão"),
      ("O que todo mundo dançou?", "quadrilha")]),
    ("Horácio encontrou um ninho de passarinho no telhado da garagem. Ele subiu na escada para ver os ovos.",
     [("Quem encontrou um ninho de passarinho?", "Horácio"),
      ("Onde estava o ninho de passarinho?", "no telhado da garagem"),
      ("Onde Horácio subiu para ver os ovos?", "na escada"),
      ("O que Horácio queria ver?", "os ovos")]),
    ("Otília costura vestidos de festa num ateliê no centro. Nesta semana, ela terminou um vestido de noiva.",
     [("Quem costura vestidos de festa?", "Otília"),
      ("Onde Otília costura os vestidos?", "num ateliê no centro"),
      ("O que Otília terminou nesta semana?", "um vestido de noiva")]),
    ("Giovana e Rui pintaram a casa do cachorro no sábado. Eles usaram tinta amarela e um pincel velho.",
     [("Quem pintou a casa do cachorro?", "Giovana e Rui"),
      ("Quando Giovana e Rui pintaram a casa do cachorro?", "no sábado"),
      ("O que Giovana e Rui pintaram?", "a casa do cachorro"),
      ("O que eles usaram para pintar?", "tinta amarela")]),
    ("Valter vende sorvete numa carrocinha na praia. No verão, ele trabalha de segunda a domingo.",
     [("Quem vende sorvete na praia?", "Valter"),
      ("Onde Valter vende sorvete?", "na praia"),
      ("O que Valter vende?", "sorvete")]),
]

QUESTION_KINDS = {"Quem": "quem", "Onde": "onde", "Aonde": "onde", "De onde": "onde", "Para onde": "onde",
                  "O que": "o_que", "Quando": "quando"}


def question_kind(question: str) -> str:
    for opener in sorted(QUESTION_KINDS, key=len, reverse=True):
        if question.startswith(opener + " "):
            return QUESTION_KINDS[opener]
    raise ValueError(f"{question}: pergunta sem quem/onde/o que/quando")


@register("passagem", "resposta a partir de um trecho", [
    "Leia o trecho e responda: {pergunta}",
    "Oi! Você pode responder com base no texto? {pergunta}",
    "{pergunta} Responda com palavras do texto.",
    "Por favor, leia o texto e responda: {pergunta}",
    "De acordo com o trecho, {pergunta_min}",
    "Com base no texto, {pergunta_min}",
    "Olá! Li este trecho e fiquei com uma dúvida: {pergunta_min}",
    "Responda usando o texto: {pergunta}",
    "Segundo o texto, {pergunta_min}",
    "Pergunta sobre o trecho: {pergunta}",
    "Poderia responder a esta pergunta sobre o texto? {pergunta}",
    "{pergunta}",
])
def items_passagem(rng: random.Random) -> list[Item]:
    items = []
    for number, (passage, questions) in enumerate(PASSAGES):
        for question, answer in questions:
            if answer not in passage:
                raise ValueError(f"{answer!r} não está no trecho {passage!r}")
            slots = {"pergunta": question, "pergunta_min": lower_first(question), "tarefa": question_kind(question)}
            items.append(Item("passagem", f"passagem:{number:02d}", passage, answer, slots))
    rng.shuffle(items)
    return items


# ---------------------------------------------------------------------------------------------------------
# 5. Saudação: poucas respostas fixas e honestas, muitos jeitos de pedir
# ---------------------------------------------------------------------------------------------------------

# tipo de pedido → (resposta, {jeito de pedir: pedidos}). O grupo é o jeito de pedir: pedidos quase iguais
# ("Obrigado!" e "Muito obrigado.") ficam juntos, e cada tipo tem vários grupos, então toda resposta aparece no
# treino e o teste pede de um jeito novo. Nenhum pedido começa com "Oi" ou "Olá", que vêm dos modelos.
GREETINGS = {
    "cumprimento": ("Olá! Tudo bem. Em que posso ajudar?", {
        "tudo_bem": ["Tudo bem?", "Tudo bem com você?", "Tudo bem por aí?", "E aí, tudo bem?", "Tudo bom?",
                     "Está tudo bem por aí?", "Tudo em ordem por aí?"],
        "como_vai": ["Como vai?", "Como vai você?", "Como vai, tudo bem?", "Como você está?"],
        "tudo_certo": ["Tudo certo?", "Está tudo certo com você?", "Tudo tranquilo?", "Tudo joia?", "Beleza?"],
        "como_tem_passado": ["Como tem passado?", "Como você tem passado?", "Como está o seu dia?",
                             "Como estão as coisas?"],
    }),
    "quem_sou": ("Sou um modelo de linguagem pequeno, treinado em livros de Machado de Assis.", {
        "quem": ["Quem é você?", "Quem é você, afinal?", "Quero saber quem você é.", "Me conte quem você é.",
                 "Com quem estou falando?", "Quem está falando comigo?"],
        "o_que_e": ["O que você é?", "Que tipo de programa é você?", "Você é um programa de computador?",
                    "Você é uma inteligência artificial?", "Você é um robô?"],
        "pessoa": ["Você é uma pessoa?", "Você é humano?", "Você é de verdade?"],
        "apresentacao": ["Qual é o seu nome?", "Você pode se apresentar?", "Fale um pouco sobre você."],
        "aprendizado": ["Como você aprendeu a escrever?", "Onde você aprendeu português?",
                        "O que você leu para aprender?"],
    }),
    "capacidades": (
        "Posso atualizar a ortografia, responder sobre um trecho, classificar frases e reescrever frases curtas.", {
            "sabe_fazer": ["O que você sabe fazer?", "Que coisas você sabe fazer?",
                           "Você pode me mostrar o que sabe fazer?", "O que você consegue fazer?",
                           "Do que você é capaz?", "Você faz o quê?"],
            "ajudar": ["Como você pode me ajudar?", "Em que você pode ajudar?", "Você pode me ajudar com o quê?",
                       "No que você pode me ajudar?"],
            "pedir": ["O que posso pedir para você?", "O que eu posso te pedir?", "Quais pedidos você entende?",
                      "Que tipo de pergunta você responde?"],
            "tarefas": ["Quais tarefas você faz?", "Para que você serve?", "Quais são as suas habilidades?",
                        "Me diga o que você faz.", "O que você faz de útil?", "Em que tipo de tarefa você é bom?"],
        }),
    "agradecimento": ("De nada! Se precisar, é só pedir.", {
        "obrigado": ["Obrigado!", "Muito obrigado.", "Muito obrigada!", "Muito agradecido!"],
        "pela_ajuda": ["Obrigada pela ajuda!", "Obrigado, me ajudou muito.", "Muito obrigada, ajudou bastante.",
                       "Muito obrigado pela paciência."],
        "pela_resposta": ["Obrigado pela resposta.", "Obrigada pelas respostas.", "Obrigado pela explicação.",
                          "Obrigado, era isso mesmo.", "Obrigada, era o que eu precisava.",
                          "Obrigada, você foi ótimo."],
        "valeu": ["Valeu!", "Valeu pela ajuda!", "Valeu, ficou perfeito.", "Valeu mesmo!"],
        "agradeco": ["Agradeço a ajuda.", "Agradeço muito!"],
    }),
}


@register("saudacao", "saudação", [
    "{pedido}",
    "Oi! {pedido}",
    "Olá! {pedido}",
    "Bom dia! {pedido}",
    "Boa tarde! {pedido}",
    "Boa noite! {pedido}",
    "Ei, {pedido_min}",
    "Olá, assistente! {pedido}",
    "Oi, assistente. {pedido}",
    "Olá, {pedido_min}",
])
def items_saudacao(rng: random.Random) -> list[Item]:
    items = []
    for kind, (answer, ways) in GREETINGS.items():
        for way, requests in ways.items():
            for request in requests:
                slots = {"pedido": request, "pedido_min": lower_first(request), "tarefa": kind}
                items.append(Item("saudacao", f"saudacao:{kind}:{way}", "", answer, slots))
    rng.shuffle(items)
    return items


# ---------------------------------------------------------------------------------------------------------
# 6. Não sei: perguntas fora do que o modelo leu ou consegue calcular
# ---------------------------------------------------------------------------------------------------------

DONT_KNOW = "Não sei. Isso não está nos livros que li."

COUNTRIES = ["do Japão", "da Austrália", "do Canadá", "do Egito", "do Quênia", "do Peru", "da Coreia do Sul",
             "da Noruega", "do Marrocos", "do Vietnã", "da Nova Zelândia", "da Colômbia", "da Bolívia",
             "da Islândia", "da Turquia"]
CAPITAL = ["Qual é a capital {}?", "Como se chama a capital {}?", "Que cidade é a capital {}?"]

CITIES = ["Recife", "Manaus", "Curitiba", "Salvador", "Fortaleza", "Belém", "Goiânia", "Natal", "Cuiabá",
          "Florianópolis"]
WEATHER = ["Vai chover amanhã em {}?", "Qual é a temperatura agora em {}?", "Está fazendo frio em {} hoje?",
           "Como está o tempo em {}?", "Vai fazer sol em {} no fim de semana?"]

TRANSLATIONS = [
    "Como se diz 'janela' em inglês?", "Como se diz 'cadeira' em inglês?", "Qual é a palavra inglesa para "
    "'cachorro'?", "Como se escreve 'cozinha' em inglês?", "Como se diz 'travesseiro' em inglês?",
    "Qual é a tradução de 'borboleta' para o inglês?", "Como se fala 'sapato' em inglês?",
    "Como se diz 'chuva' em inglês?", "Como se diz 'bom dia' em japonês?", "Como se fala 'obrigado' em alemão?",
    "Qual é a tradução de 'saudade' para o inglês?", "Como se diz 'geladeira' em espanhol?",
    "Como se diz 'eu te amo' em russo?", "Como se escreve 'escola' em chinês?",
    "Qual é o significado da palavra inglesa 'weekend'?", "O que quer dizer 'thank you' em português?",
    "Como se diz 'boa noite' em italiano?", "Como se fala 'maçã' em inglês?",
]

EVENTS_AND_PRICES = [
    "Quem ganhou a última Copa do Mundo?", "Quem é o presidente do Brasil hoje?",
    "Qual foi o resultado do jogo de ontem?", "Qual é o filme mais visto deste ano?",
    "Quem venceu a última eleição para prefeito?", "Qual é a música mais tocada do momento?",
    "Que notícia saiu hoje no jornal?", "Qual celular vendeu mais este ano?",
    "Quem ganhou o último Oscar de melhor filme?", "Qual time é o atual campeão brasileiro?",
    "Quanto custa um quilo de arroz hoje?", "Qual é a cotação do dólar hoje?",
    "Quanto custa a passagem de ônibus em São Paulo?", "Quanto está o litro da gasolina?",
    "Qual é o preço do pão francês na padaria?", "Quanto custa um celular novo?",
    "Quanto está o aluguel de um apartamento no Rio?", "Qual é o valor do salário mínimo?",
    "Quanto custa uma passagem de avião para Lisboa?", "Qual é o preço de um carro popular?",
]

OTHER_UNKNOWN = [
    "Que dia é hoje?", "Em que ano estamos?", "Que horas são agora?", "Que dia da semana é hoje?",
    "Qual é a data de hoje?", "Quantas pessoas moram em Tóquio?", "Qual é a distância entre Belém e Porto Alegre?",
    "Qual é a altura do Monte Everest?", "Qual é o telefone da farmácia mais perto?", "Qual é o meu nome?",
    "Onde eu deixei as minhas chaves?", "Qual é a senha do wi-fi?", "Quantos anos eu tenho?",
    "Qual é o maior planeta do sistema solar?", "Quantos ossos tem o corpo humano?",
    "Qual é a velocidade da luz?", "Qual é o rio mais longo do mundo?", "Quem inventou o telefone?",
    "Qual é a fórmula química da água?", "Qual é a língua oficial da Suíça?",
    "Qual é a população do Brasil?", "Quantos países existem no mundo?", "Qual é a montanha mais alta da África?",
    "Em que ano o homem chegou à Lua?", "Quem pintou a Mona Lisa?", "Qual é a moeda do Japão?",
    "Quantos habitantes tem Nova York?", "Qual é o endereço do hospital mais próximo?",
    "Que filme está passando no cinema hoje?", "Qual é o CEP da minha rua?", "Quanto pesa um elefante adulto?",
    "Qual é a profundidade do oceano Pacífico?", "Qual é o idioma mais falado do mundo?",
    "Quem é o jogador de futebol mais famoso hoje?", "Vai ter feriado no mês que vem?",
    "Qual é a previsão do tempo para amanhã?", "Quem é o dono da padaria da minha rua?",
    "Qual é o número do meu celular?", "Quantos gols o Brasil fez na última partida?",
    "Qual é a data do próximo feriado?", "Quanto tempo leva um voo de São Paulo a Tóquio?",
    "Qual é o aplicativo mais baixado do ano?", "Qual é a cor favorita da minha mãe?",
    "Quantos anos tem o atual papa?", "Qual é o horário do último ônibus para o centro?",
    "Que time lidera o campeonato agora?", "Como está a fila do banco agora?",
]


def arithmetic_questions(rng: random.Random) -> list[str]:
    """Contas grandes demais para o modelo, cada uma com um jeito diferente de perguntar."""

    def big(low: int, high: int) -> str:
        return thousands(rng.randint(low, high))

    return [
        f"Quanto é {big(1000, 9999)} + {big(1000, 9999)}?",
        f"Quanto dá {big(10000, 99999)} mais {big(10000, 99999)}?",
        f"Qual é o resultado de {big(1000, 9999)} vezes {big(100, 999)}?",
        f"Quanto é {big(100000, 999999)} menos {big(10000, 99999)}?",
        f"Se eu dividir {big(10000, 99999)} por {rng.randint(11, 19)}, quanto dá?",
        f"Qual é a raiz quadrada de {big(1000, 9999)}?",
        f"Quanto é {rng.randint(11, 29)} elevado a {rng.randint(5, 9)}?",
        f"Somando {big(1000, 9999)}, {big(1000, 9999)} e {big(1000, 9999)}, qual é o total?",
        f"Qual é o produto de {big(1000, 9999)} por {big(100, 999)}?",
        f"Quanto é {rng.randint(13, 97)}% de {big(1000, 9999)}?",
    ]


@register("nao_sei", "não sei", [
    "{pergunta}",
    "Oi! {pergunta}",
    "Olá! {pergunta}",
    "Bom dia! {pergunta}",
    "Uma pergunta: {pergunta_min}",
    "Tenho uma dúvida. {pergunta}",
    "Me ajuda com uma coisa? {pergunta}",
    "Você sabe responder? {pergunta}",
    "Por favor, responda: {pergunta_min}",
    "Preciso saber: {pergunta_min}",
    "Oi, tudo bem? {pergunta}",
    "Boa tarde! {pergunta}",
])
def items_nao_sei(rng: random.Random) -> list[Item]:
    questions = [rng.choice(CAPITAL).format(country) for country in COUNTRIES]
    questions += [rng.choice(WEATHER).format(city) for city in CITIES]
    questions += TRANSLATIONS + EVENTS_AND_PRICES + OTHER_UNKNOWN + arithmetic_questions(rng)
    items = []
    for question in questions:
        slots = {"pergunta": question, "pergunta_min": lower_first(question)}
        items.append(Item("nao_sei", f"nao_sei:{question}", "", DONT_KNOW, slots))
    rng.shuffle(items)
    return items
