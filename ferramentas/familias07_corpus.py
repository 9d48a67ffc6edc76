"""Famílias do capítulo 07 tiradas dos livros de Machado de Assis: ortografia, romances e estilo (issue 18).

Mesma interface de `familias07.py`: cada família é uma função `items_<família>(rng) -> list[Item]`, registrada
em `FAMILIES_CORPUS`, com os modelos de instrução em `PHRASINGS_CORPUS` e o nome mostrado em
`DISPLAY_NAMES_CORPUS`. Os textos vêm dos sete livros do pré-treino do capítulo 05 (o oitavo,
memorialdeayres.txt, fica de fora: o modelo nunca o leu).

- `ortografia` ("Atualize a ortografia"): uma frase na grafia de 1899 → a mesma frase na grafia atual, palavra por
  palavra, pelo mapa conferido `SPELLING_MAP` (abaixo, com as contagens).
- `romances` ("Sobre os romances"): fatos fechados dos livros, cada um com a citação que o comprova (`FACTS`).
- `estilo` ("Continue no estilo de Machado"): o começo de uma frase → o resto dela, na grafia original; tarefa
  aberta, medida pela perda (loss) do modelo, não por acerto exato.

O mapa de grafia foi montado assim (uma vez, fora do gerador): das palavras dos sete livros, as que não estão no
vocabulário do português atual (a lista `wbrazilian` do Debian, ajustada ao Acordo de 1990: "ideia", "voo") viraram
candidatas; regras de grafia antiga (consoantes dobradas, th → t, ph → f, y → i, ct/pt → t, h entre vogais, z → s,
acentos) propuseram a forma moderna, e ela só entrou no mapa quando havia **uma única** palavra moderna possível e a
forma antiga **não** é, ela mesma, outra palavra de hoje. Nomes próprios ficaram de fora (salvo alguns conferidos:
Capitu, Estêvão, Pádua, Nicolau, Petrópolis); palavras raras (menos de 3 ocorrências) também. Os casos ambíguos foram
resolvidos à mão (á → à e ás → às, que nessa grafia marcam a crase; ha → há; póde → pode; o mais-que-perfeito
"deixára" → "deixara"; aquelle → aquele). Palavras antigas que ainda são grafias aceitas hoje ("cousa", "dous")
não foram mapeadas: a frase que as tem é descartada, em vez de trocada.

Contagens do mapa (1 666 formas antigas, 33 155 ocorrências nos sete livros):

| regra                                   | formas | exemplo                      |
|-----------------------------------------|-------:|------------------------------|
| só acento (falta ou sobra)              |    818 | tambem → também, côr → cor   |
| consoante dobrada                       |    513 | elle → ele, anno → ano       |
| ct, pt, cç, sc inicial                  |    140 | acto → ato, sciencia → ciência |
| th, ph, y                               |    107 | theatro → teatro, estylo → estilo |
| h mudo                                  |     48 | hontem → ontem, sahir → sair |
| z → s                                   |     34 | quiz → quis, mez → mês       |
| crase (á, ás, áquelle…)                 |      6 | á → à, ás → às               |

Uma frase (de 30 a 90 caracteres) só entra em `ortografia` se tiver ao menos uma palavra do mapa e nenhuma palavra
antiga fora dele: nenhuma palavra fora do mapa com um padrão revelador (`TELLTALE`: th, ph, y, k, w, consoante
dobrada, ct, pt, sc inicial, h entre vogais) e nenhuma das `UNMODERNISED` (palavras das frases candidatas que a
conferência com o vocabulário atual não aceitou: grafias antigas fora do mapa, como "cousa", e palavras sem acento
que hoje têm outra forma acentuada, como "ultima" / "última"). Frases com travessão, aspas, apóstrofo ("d'elle"),
itálico, números ou ênclise antiga ("vel-as") também ficam de fora.
"""

from __future__ import annotations

import random
import re
import unicodedata
from functools import cache
from pathlib import Path

from familias07 import Item
from raiz import data_dir

# Os livros do pré-treino: arquivo → codificação dos bytes (a mesma tabela de MACHADO_BOOKS no capítulo 05).
BOOK_ENCODINGS = {
    "maoealuva.txt": "cp1252",
    "papeisavulsos.txt": "cp1252",
    "historiassemdata.txt": "cp1252",
    "quincas_borba.txt": "utf-8",
    "dom_casmurro.txt": "utf-8",
    "poesiascompletas.txt": "cp1252",
    "esauejacob.txt": "cp1252",
}
PROSE_BOOKS = [name for name in BOOK_ENCODINGS if name != "poesiascompletas.txt"]


@cache
def read_book(name: str) -> str:
    """O texto de um livro, decodificado e com os fins de linha do Windows normalizados (como no capítulo 05)."""
    path = data_dir() / name
    if not path.is_file():
        raise FileNotFoundError(f"{path} não encontrado: defina CURSO_DADOS com a pasta dos livros")
    return path.read_bytes().decode(BOOK_ENCODINGS[name]).replace("\r\n", "\n").strip()


def flat_text(name: str) -> str:
    """O livro numa linha só: cada sequência de espaços e quebras vira um espaço (para achar citações)."""
    return " ".join(read_book(name).split())


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÂÊÔÀ])")
WORD = re.compile(r"[^\W\d_]+")
# Abreviaturas com ponto ("Dr.", "S.", "D.", "Mrs.", uma inicial): não terminam a frase.
ABBREVIATION = re.compile(r"(?:\b(?:Dr|Drs|Sr|Srs|Sra|Mr|Mrs|Exa|Exc|Snr|Ilm|Ilmo|Pe|Cap|Gal|Gen|Cons)|\b[A-Z])\.$")
# Sinais que tiram a frase do jogo: travessão e hífen duplo, itálico, aspas, parênteses, apóstrofo, números,
# dois-pontos, ponto e vírgula, reticências e a ênclise antiga ("vel-as", "buscal-o").
BAD_SIGNS = re.compile(r"--|[_«»\"()\[\]'’*0-9:;]|\.\.|l-")


@cache
def book_sentences(name: str) -> tuple[str, ...]:
    """As frases de um livro em prosa: parágrafos juntados numa linha, cortados depois de . ! ? antes de maiúscula."""
    sentences = []
    for paragraph in re.split(r"\n\s*\n", read_book(name)):
        pieces = SENTENCE_END.split(" ".join(paragraph.split()))
        merged = [pieces[0]]
        for piece in pieces[1:]:
            if ABBREVIATION.search(merged[-1]):  # "o Dr. Camacho": o ponto da abreviatura não fecha a frase
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        sentences.extend(merged)
    return tuple(sentences)


def clean_sentence(sentence: str, low: int, high: int) -> bool:
    """Uma frase completa e simples: tamanho entre low e high, maiúscula no começo, . ! ? no fim, sem sinais ruins."""
    return (low <= len(sentence) <= high and sentence[0].isupper() and sentence[-1] in ".!?"
            and not BAD_SIGNS.search(sentence))


# ---------------------------------------------------------------------------------------------------------
# ortografia
# ---------------------------------------------------------------------------------------------------------

# O mapa de grafia: forma antiga (minúscula) → forma atual, "antiga>atual" separados por espaço.
SPELLING_MAP: dict[str, str] = dict(pair.split(">") for pair in """
abominavel>abominável abundancia>abundância abysmo>abismo acabára>acabara academico>acadêmico academicos>acadêmicos
acceita>aceita acceitando>aceitando acceitar>aceitar acceitaria>aceitaria acceitas>aceitas acceitasse>aceitasse
acceitava>aceitava acceitação>aceitação acceite>aceite acceito>aceito acceitou>aceitou accender>acender
accendeu>acendeu accendi>acendi accentuando>acentuando accentuou>acentuou accesa>acesa acceso>aceso accesos>acesos
accesso>acesso acclamações>aclamações accorda>acorda accordado>acordado accordar>acordar accordava>acordava
accordei>acordei accordo>acordo accordou>acordou accrescentando>acrescentando accrescentar>acrescentar
accrescentava>acrescentava accrescente>acrescente accrescentei>acrescentei accrescento>acrescento
accrescentou>acrescentou accrescimo>acréscimo accudiu>acudiu achára>achara actividade>atividade activo>ativo
acto>ato actor>ator actos>atos actual>atual acção>ação acções>ações adagio>adágio adeante>adiante
adivinhára>adivinhara adjectivo>adjetivo adjectivos>adjetivos admiraveis>admiráveis admiravel>admirável
admittido>admitido admittir>admitir admittiu>admitiu admitto>admito adolescencia>adolescência adoptar>adotar
adoptava>adotava adoptou>adotou adoravel>adorável adulterio>adultério adversario>adversário adversarios>adversários
affabilidade>afabilidade affagos>afagos affagou>afagou affastar>afastar affastou>afastou affavel>afável
affectada>afetada affectação>afetação affecto>afeto affectos>afetos affectuosas>afetuosas affeito>afeito
affeiçoando>afeiçoando affeição>afeição affeições>afeições affirma>afirma affirmar>afirmar affirmava>afirmava
affirmavam>afirmavam affirmação>afirmação affirmações>afirmações affirmo>afirmo affirmou>afirmou afflicta>aflita
afflicto>aflito afflicção>aflição afflige>aflige affligia>afligia affligir>afligir affligiu>afligiu affronta>afronta
affrontar>afrontar aggravar>agravar aggregado>agregado agradaveis>agradáveis agradavel>agradável agua>água
aguas>águas aguia>águia ahi>aí ajustára>ajustara album>álbum alcançára>alcançara aldêa>aldeã alem>além
alfandega>alfândega alguem>alguém allegando>alegando alli>ali alliados>aliados alliança>aliança allivio>alívio
allopathia>alopatia allucinação>alucinação allucinações>alucinações allude>alude alludir>aludir allusão>alusão
alphabeto>alfabeto amarella>amarela amarellas>amarelas amarello>amarelo amavel>amável analogas>análogas
analogo>análogo ancia>anciã ancias>anciãs andára>andara anedoctas>anedotas angulo>ângulo animaes>animais
animos>ânimos annel>anel anniversario>aniversário anno>ano annos>anos annunciado>anunciado annunciar>anunciar
annunciava>anunciava annunciou>anunciou anonyma>anônima anonymo>anônimo apanhára>apanhara apezar>apesar
aphorismo>aforismo apolice>apólice apolices>apólices apostolico>apostólico apostolo>apóstolo apostolos>apóstolos
apoz>após apparato>aparato apparece>aparece apparecem>aparecem apparecer>aparecer appareceu>apareceu
apparecia>aparecia appareciam>apareciam apparelho>aparelho apparelhos>aparelhos apparencia>aparência
apparencias>aparências apparente>aparente apparentemente>aparentemente apparentes>aparentes appetite>apetite
applaudiu>aplaudiu applauso>aplauso applausos>aplausos applicar>aplicar applicação>aplicação apprender>aprender
apprendeu>aprendeu approvado>aprovado approvando>aprovando approvar>aprovar approvava>aprovava approvação>aprovação
approvou>aprovou approximar>aproximar approximava>aproximava approximou>aproximou aprazivel>aprazível aquella>aquela
aquellas>aquelas aquelle>aquele aquelles>aqueles aquillo>aquilo ardua>árdua arduos>árduos arido>árido
arithmeticas>aritméticas armazem>armazém arraiaes>arraiais arrancára>arrancara artificio>artifício arêa>área
aspera>áspera aspero>áspero asperos>ásperos assiduo>assíduo assumpto>assunto assumptos>assuntos astucia>astúcia
asylo>asilo atheniense>ateniense athenienses>atenienses atmosphera>atmosfera atravez>através atraz>atrás
atropello>atropelo attender>atender attendeu>atendeu attendia>atendia attentando>atentando attento>atento
attenuar>atenuar attenção>atenção attenções>atenções atterrada>aterrada atterrado>aterrado attitude>atitude
attitudes>atitudes attonita>atônita attonito>atônito attonitos>atônitos attribuas>atribuas attribuia>atribuía
attribuindo>atribuindo attribuir>atribuir attribuiu>atribuiu attribuo>atribuo audacia>audácia audiencia>audiência
ausencia>ausência ausencias>ausências authentico>autêntico avidos>ávidos balsamo>bálsamo baptismo>batismo
barbaro>bárbaro baroneza>baronesa barytono>barítono becco>beco bella>bela bellas>belas belleza>beleza
bellezas>belezas bellos>belos beneficios>benefícios benevolencia>benevolência benevolo>benévolo benção>bênção
bençãos>bênçãos biblico>bíblico blasphemia>blasfêmia blasphemias>blasfêmias bocca>boca boccas>bocas
boticario>boticário bras>brás britannicas>britânicas bôca>boca cabelleira>cabeleira cabelleiras>cabeleiras
cabelleireiro>cabeleireiro cabello>cabelo cabellos>cabelos cadaver>cadáver cadaveres>cadáveres cae>cai cahia>caía
cahiam>caíam cahida>caída cahindo>caindo cahir>cair cahiu>caiu caida>caída cairam>caíram cajú>caju calculos>cálculos
callidos>cálidos camara>câmara camaras>câmaras cancella>cancela candida>cândida candido>cândido canella>canela
capella>capela capellas>capelas capellão>capelão capitulos>capítulos capitú>capitu captiva>cativa captivas>cativas
captiveiro>cativeiro captivo>cativo captivos>cativos capturára>capturara caracter>caráter carcere>cárcere
caricia>carícia caricias>carícias cartorio>cartório casaes>casais castiçaes>castiçais casára>casara
catastrophe>catástrofe catholico>católico cautella>cautela cautellas>cautelas cautelloso>cauteloso
cavallaria>cavalaria cavalleiro>cavaleiro cavallinho>cavalinho cavallo>cavalo cavallos>cavalos cemiterio>cemitério
cerebro>cérebro cerebros>cérebros cerimonia>cerimônia cerimonias>cerimônias ceu>céu chacara>chácara
chacaras>chácaras chamma>chama chammas>chamas chapeo>chapéu chapeos>chapéus chapeu>chapéu chapéo>chapéu
chegámos>chegamos chegára>chegara chicara>chícara chorára>chorara christã>cristã christão>cristão christãos>cristãos
chronica>crônica chronicas>crônicas chronistas>cronistas cincoenta>cinquenta circulos>círculos
circumstancia>circunstância circumstancias>circunstâncias ciume>ciúme ciumes>ciúmes classica>clássica
classicas>clássicas classico>clássico classicos>clássicos clausula>cláusula cocegas>cócegas
coincidencia>coincidência colera>cólera coleras>cóleras collar>colar collecção>coleção collega>colega
collegas>colegas collegio>colégio collete>colete colletes>coletes collo>colo collocar>colocar colonia>colônia
comensaes>comensais começára>começara commandante>comandante commenda>comenda commendador>comendador
commentario>comentário commentarios>comentários commentou>comentou commerciante>comerciante
commerciantes>comerciantes commercio>comércio commigo>comigo commiseração>comiseração commissão>comissão
commissões>comissões commoda>cômoda commodidade>comodidade commovida>comovida commovido>comovido commoção>comoção
commum>comum communhão>comunhão communicar>comunicar communicação>comunicação communicou>comunicou communs>comuns
comnosco>conosco compendios>compêndios compoz>compôs comprehende>compreende comprehendendo>compreendendo
comprehender>compreender comprehenderam>compreenderam comprehendesse>compreendesse comprehendeu>compreendeu
comprehendi>compreendi comprehendia>compreendia comprehensão>compreensão comprára>comprara compôr>compor
comsigo>consigo comtanto>contanto comtigo>contigo comtudo>contudo concluia>concluía concordia>concórdia
condescendencia>condescendência conego>cônego conflicto>conflito conjecturar>conjeturar conjugaes>conjugais
conjuncção>conjunção consciencia>consciência consequencia>consequência consequencias>consequências
conservára>conservara constancia>constância consultorio>consultório contacto>contato contavamos>contávamos
contiguos>contíguos contracto>contrato contracção>contração contradicção>contradição contradicções>contradições
contrarios>contrários controversia>controvérsia contára>contara convem>convém conveniencia>conveniência
convivencia>convivência correcta>correta correcto>correto correcção>correção correspondencia>correspondência
corôa>coroa covados>côvados creança>criança creanças>crianças creatura>criatura creação>criação creditos>créditos
credulo>crédulo crepusculo>crepúsculo crueis>cruéis crystaes>cristais crystal>cristal crêr>crer cubiculos>cubículos
cuidára>cuidara curvilineo>curvilíneo cysne>cisne cégo>cego céo>céu cêra>cera cór>cor córos>coros córte>corte
côr>cor côres>cores côro>coro côrte>corte dahi>daí dalli>dali daquella>daquela daquellas>daquelas daquelle>daquele
daquelles>daqueles daquillo>daquilo deante>diante debeis>débeis debil>débil decimas>décimas decimo>décimo
dedicatoria>dedicatória defuncta>defunta defuncto>defunto defunctos>defuntos deixára>deixara delicto>delito
delirio>delírio della>dela dellas>delas delle>dele delles>deles demencia>demência demittido>demitido demonio>demônio
deos>deus desagradavel>desagradável desapparecer>desaparecer desappareceu>desapareceu desapparecia>desaparecia
desattenção>desatenção descança>descansa desequilibrio>desequilíbrio desmaiára>desmaiara desnecessario>desnecessário
despota>déspota desproposito>despropósito destruida>destruída detestavel>detestável devéras>deveras diario>diário
diccionarios>dicionários differente>diferente differentes>diferentes differença>diferença difficeis>difíceis
difficil>difícil difficilmente>dificilmente difficuldade>dificuldade difficuldades>dificuldades diffusa>difusa
diffusão>difusão diminuia>diminuía diplomatica>diplomática diplomaticas>diplomáticas diplomatico>diplomático
directamente>diretamente directo>direto director>diretor direcção>direção discipulo>discípulo discipulos>discípulos
discordia>discórdia dispoz>dispôs dissipára>dissipara distincta>distinta distinctas>distintas distincto>distinto
distincção>distinção distincções>distinções distracção>distração distracções>distrações distrahida>distraída
distrahido>distraído divergencia>divergência doia>doía dollar>dólar domesticos>domésticos dominio>domínio
donzella>donzela donzellas>donzelas doutrinario>doutrinário dramatica>dramática duello>duelo duzia>dúzia
dynastia>dinastia désse>desse déssem>dessem dóse>dose dôr>dor dôres>dores ebano>ébano ecclesiastica>eclesiástica
ecclesiasticas>eclesiásticas ecclesiastico>eclesiástico ecclesiasticos>eclesiásticos economico>econômico edade>idade
edificio>edifício effectivamente>efetivamente effectivo>efetivo effectuou>efetuou effeito>efeito effeitos>efeitos
efficacia>eficácia efficaz>eficaz effusão>efusão egoismo>egoísmo egoista>egoísta egreja>igreja egua>égua egual>igual
egualmente>igualmente elegancia>elegância eleitoraes>eleitorais ella>ela ellas>elas elle>ele elles>eles
eloquencia>eloquência embryão>embrião emerito>emérito emfim>enfim empallidecer>empalidecer empallideceu>empalideceu
emprestimo>empréstimo emprestimos>empréstimos emquanto>enquanto encommendas>encomendas encommendára>encomendara
energica>enérgica energicas>enérgicas energico>enérgico enthusiasmado>entusiasmado enthusiasmo>entusiasmo
entregára>entregara entrára>entrara epigramma>epigrama epigraphe>epígrafe episodio>episódio episodios>episódios
epistola>epístola equilibrio>equilíbrio eramos>éramos escalpellados>escalpelados escalpellar>escalpelar
escalpello>escalpelo escandalo>escândalo escapára>escapara escrevêra>escrevera escripta>escrita escriptas>escritas
escripto>escrito escriptor>escritor escriptorio>escritório escriptos>escritos escriptura>escritura
escrupulo>escrúpulo escrupulos>escrúpulos esculptura>escultura escutára>escutara espadua>espádua espaduas>espáduas
especiaes>especiais especie>espécie especies>espécies espectaculo>espetáculo esphera>esfera espirito>espírito
espiritos>espíritos espirituaes>espirituais esplendida>esplêndida esplendidas>esplêndidas esplendido>esplêndido
esportulas>espórtulas essencia>essência estacára>estacara estancia>estância estatua>estátua estavamos>estávamos
estereis>estéreis esteril>estéril estevão>estêvão estimavel>estimável estipendio>estipêndio estomago>estômago
estomagos>estômagos estrella>estrela estrellas>estrelas estrictamente>estritamente estrophe>estrofe
estrophes>estrofes estupefacto>estupefato estupefacção>estupefação estupido>estúpido estylo>estilo etherea>etérea
evocára>evocara exacta>exata exactamente>exatamente exactas>exatas exactidão>exatidão exacto>exato
excellencia>excelência excellencias>excelências excellente>excelente excellentes>excelentes excepto>exceto
excluia>excluía excluido>excluído exercicio>exercício exigencias>exigências exilio>exílio eximio>exímio
existencia>existência exito>êxito experiencia>experiência experiencias>experiências explicaveis>explicáveis
explicavel>explicável expoz>expôs expôr>expor extatico>extático extincta>extinta extinctas>extintas extincto>extinto
extrahir>extrair extrahiu>extraiu extraordinaria>extraordinária extraordinarias>extraordinárias
extraordinario>extraordinário extraordinarios>extraordinários fabula>fábula faceis>fáceis facil>fácil facto>fato
factos>fatos falla>fala fallado>falado fallam>falam fallando>falando fallar>falar fallaram>falaram
fallaremos>falaremos fallas>falas fallasse>falasse fallava>falava fallavam>falavam fallaz>falas falle>fale
falleceu>faleceu fallei>falei fallemos>falemos fallo>falo fallou>falou fallára>falara falára>falara familia>família
familias>famílias fantastica>fantástica fataes>fatais fechára>fechara fertil>fértil ficára>ficara fluctuar>flutuar
flòr>flor flôr>flor flôres>flores folego>fôlego formidavel>formidável fossemos>fôssemos fragil>frágil
francez>francês freguez>freguês frequencia>frequência frivolo>frívolo frivolos>frívolos fructa>fruta fructas>frutas
fructo>fruto fructos>frutos funccionario>funcionário fundára>fundara funebre>fúnebre funebres>fúnebres furia>fúria
férvido>fervido fòro>foro fóra>fora fórma>forma fórmas>formas fôr>for fôra>fora fôram>foram galas>galãs
gallinha>galinha gallinhas>galinhas gallos>galos gastára>gastara gaz>gás gazella>gazela gemeo>gêmeo gemeos>gêmeos
generaes>generais generalissimo>generalíssimo genero>gênero genio>gênio geraes>gerais glorias>glórias gotta>gota
grammatica>gramática gravissimo>gravíssimo grillos>grilos guapo>guapó gósto>gosto ha>há habeis>hábeis habil>hábil
habitos>hábitos haviamos>havíamos heis>eis herdára>herdara hespanhol>espanhol hia>ia hiam>iam historica>histórica
historico>histórico historicos>históricos hollandez>holandês hombro>ombro hombros>ombros honorarios>honorários
hontem>ontem horrivel>horrível hospicio>hospício hostia>hóstia humida>úmida humido>úmido humidos>úmidos
hypothese>hipótese hypotheses>hipóteses iamos>íamos identica>idêntica identico>idêntico idoneo>idôneo idéa>ideia
idéas>ideias ignorancia>ignorância iguaes>iguais illudir>iludir illustre>ilustre illustres>ilustres illusão>ilusão
illusões>ilusões immaculada>imaculada immediatamente>imediatamente immensa>imensa immenso>imenso immolar>imolar
immoral>imoral immortaes>imortais immortal>imortal immovel>imóvel impaciencia>impaciência impassivel>impassível
impenetravel>impenetrável imperceptivel>imperceptível imperio>império impeto>ímpeto impetos>ímpetos
implacavel>implacável importancia>importância impossivel>impossível impôr>impor incendio>incêndio incluida>incluída
incluido>incluído incognita>incógnita incommodar>incomodar incompativeis>incompatíveis incorruptivel>incorruptível
incredulo>incrédulo incredulos>incrédulos incuravel>incurável indefinivel>indefinível independencia>independência
indescriptivel>indescritível indestructivel>indestrutível india>índia indifferente>indiferente
indifferentes>indiferentes indifferença>indiferença indio>índio indios>índios indispensavel>indispensável
individuos>indivíduos indole>índole indoles>índoles indomita>indômita industria>indústria ineffavel>inefável
inercia>inércia inexplicaveis>inexplicáveis inexplicavel>inexplicável infancia>infância infimo>ínfimo
infortunio>infortúnio ingenua>ingênua ingenuo>ingênuo inglez>inglês ingleza>inglesa iniciaes>iniciais
innocencia>inocência innocente>inocente inquerito>inquérito insaciavel>insaciável insania>insânia inscripto>inscrito
insipido>insípido insistencia>insistência instancia>instância instantanea>instantânea instincto>instinto
instrucção>instrução instrucções>instruções insupportaveis>insuportáveis insupportavel>insuportável
intellectuaes>intelectuais intellectual>intelectual intelligencia>inteligência intelligente>inteligente
intelligentes>inteligentes intermedio>intermédio intervallo>intervalo intervallos>intervalos intimos>íntimos
introito>intróito inuteis>inúteis inutil>inútil invencivel>invencível inventára>inventara invisivel>invisível
involuntario>involuntário iriamos>iríamos ironico>irônico ja>já janella>janela janellas>janelas jornaes>jornais
joven>jovem juizo>juízo juridicas>jurídicas jámais>jamais labio>lábio labios>lábios lagrima>lágrima
lagrimas>lágrimas lagryma>lágrima lagrymas>lágrimas lampada>lâmpada languida>lânguida languidas>lânguidas
languido>lânguido lapis>lápis leaes>leais leguas>léguas lepida>lépida lepidas>lépidas lepido>lépido lettra>letra
lettrado>letrado lettras>letras levára>levara libello>libelo liberaes>liberais libretto>libreto licção>lição
licções>lições limpida>límpida limpido>límpido lindissimo>lindíssimo lingua>língua linguas>línguas
lithographia>litografia lithographias>litografias litteralmente>literalmente litterarias>literárias
litterario>literário litteratura>literatura livida>lívida livido>lívido locaes>locais logar>lugar logares>lugares
logica>lógica lucidas>lúcidas lugubre>lúgubre luminarias>luminárias lunatico>lunático luxuria>luxúria lyra>lira
lyrica>lírica lyrio>lírio lyrios>lírios lêr>ler lêra>lera magicos>mágicos magnifica>magnífica
magnificencia>magnificência magnifico>magnífico magnificos>magníficos malicia>malícia mallogrado>malogrado
mallogro>malogro mamãi>mamai mandára>mandara manuscripto>manuscrito manuscriptos>manuscritos marmore>mármore
martyr>mártir martyrio>martírio mascula>máscula materia>matéria materias>matérias matrimoniaes>matrimoniais
matrimonio>matrimônio matta>mata mattas>matas matto>mato mattos>matos maxima>máxima maximas>máximas maximo>máximo
medicos>médicos melancolica>melancólica melancolico>melancólico melancolicos>melancólicos memoria>memória
memorias>memórias mentaes>mentais merito>mérito meritos>méritos mes>mês metaphora>metáfora metaphoras>metáforas
metaphysica>metafísica metaphysico>metafísico methodo>método metta>meta mette>mete mettendo>metendo metter>meter
mettera>metera metteram>meteram mettesse>metesse metteu>meteu metti>meti mettia>metia mettida>metida
mettidas>metidas mettido>metido mettidos>metidos mez>mês mezes>meses mingua>míngua minima>mínima minimas>mínimas
minimo>mínimo ministerio>ministério minucias>minúcias misera>mísera miseravel>miserável miseria>miséria
miserias>misérias miuda>miúda miudas>miúdas miudo>miúdo miudos>miúdos mobilia>mobília modestia>modéstia
molestia>moléstia molestias>moléstias molle>mole molles>moles monologo>monólogo monologos>monólogos morbida>mórbida
morbido>mórbido mortaes>mortais mostrára>mostrara movel>móvel mudára>mudara musculos>músculos mysterio>mistério
mysterios>mistérios mysteriosa>misteriosa mysteriosamente>misteriosamente mysterioso>misterioso mystica>mística
mystico>místico máu>mau máus>maus mór>mor móra>mora nao>não naquella>naquela naquellas>naquelas naquelle>naquele
naquelles>naqueles naquillo>naquilo naturaes>naturais naufragio>naufrágio necessaria>necessária
necessarias>necessárias necessario>necessário necessarios>necessários negocios>negócios nella>nela nellas>nelas
nelle>nele nelles>neles nevoa>névoa nevoas>névoas nicoláu>nicolau ninguem>ninguém nitida>nítida nocturna>noturna
nocturnas>noturnas nocturno>noturno novella>novela numeros>números nupcias>núpcias nús>nus obito>óbito
objecto>objeto objectos>objetos objecção>objeção obliqua>oblíqua obliquo>oblíquo obsequios>obséquios
obstaculo>obstáculo occasião>ocasião occasiões>ocasiões occaso>ocaso occidente>ocidente occorreu>ocorreu
occulta>oculta occultas>ocultas occulto>oculto occupado>ocupado occupar>ocupar occupava>ocupava occupação>ocupação
occupára>ocupara oculos>óculos odio>ódio odios>ódios offegante>ofegante offerecer>oferecer offereceu>ofereceu
offerecia>oferecia officiaes>oficiais official>oficial officio>ofício officios>ofícios oleo>óleo oleos>óleos
olhára>olhara operario>operário opportunamente>oportunamente opposição>oposição opposta>oposta opposto>oposto
oppostos>opostos oppoz>opôs oppressão>opressão oppunha>opunha optimo>ótimo optimos>ótimos opulencia>opulência
opusculo>opúsculo oraculo>oráculo oratorio>oratório ordinarias>ordinárias ordinario>ordinário orgão>órgão
orgãos>órgãos originaes>originais orphão>órfão orthographia>ortografia ottomana>otomana paciencia>paciência
padua>pádua pae>pai pagára>pagara paiz>país palacio>palácio palacios>palácios palliativo>paliativo pallida>pálida
pallidas>pálidas pallidez>palidez pallido>pálido palpebras>pálpebras panno>pano papae>papai papyro>papiro
parabens>parabéns paraiso>paraíso parára>parara pas>pás passaro>pássaro passaros>pássaros passámos>passamos
passára>passara pathologia>patologia patria>pátria patricio>patrício patricios>patrícios patrio>pátrio
patrios>pátrios peccado>pecado peccados>pecados pecuniaria>pecuniária pecuniario>pecuniário pelle>pele penna>pena
pennas>penas pensára>pensara penultima>penúltima penultimo>penúltimo penuria>penúria peor>pior perdêra>perdera
perdôe>perdoe perenne>perene perfidia>perfídia perguntára>perguntara periodo>período perjurio>perjúrio
permitte>permite permittia>permitia permittiu>permitiu perola>pérola perolas>pérolas perú>peru pesames>pêsames
pessoaes>pessoais pessôa>pessoa petalas>pétalas petropolis>petrópolis pharmacia>farmácia phenomeno>fenômeno
phenomenos>fenômenos philosophia>filosofia philosophias>filosofias philosophica>filosófica philosophico>filosófico
philosopho>filósofo philosophos>filósofos philtro>filtro phosphoro>fósforo photographia>fotografia phrase>frase
phrases>frases physica>física physicas>físicas physico>físico physicos>físicos physionomia>fisionomia
placida>plácida placidos>plácidos podiamos>podíamos poetica>poética poetico>poético polemica>polêmica
politica>política politicas>políticas politico>político politicos>políticos pollegar>polegar porcellana>porcelana
portuguez>português possiveis>possíveis possivel>possível possuia>possuía possuiam>possuíam possuimos>possuímos
posthumas>póstumas poz>pôs praticára>praticara predicção>predição preferencia>preferência preferencias>preferências
premios>prêmios preoccupada>preocupada preoccupado>preocupado preoccupava>preocupava preoccupação>preocupação
preoccupações>preocupações preparára>preparara presidencia>presidência principaes>principais principios>princípios
prodigo>pródigo producto>produto programma>programa projecto>projeto projectos>projetos prologo>prólogo
promette>promete promettendo>prometendo prometter>prometer prometteram>prometeram prometteu>prometeu
promettia>prometia prometto>prometo prompta>pronta promptidão>prontidão prompto>pronto promptos>prontos
prophecias>profecias propheta>profeta proposito>propósito propoz>propôs propria>própria proprias>próprias
proprio>próprio proprios>próprios propôz>propôs protector>protetor protecção>proteção provaveis>prováveis
provavel>provável proverbio>provérbio provincia>província provincias>províncias proxima>próxima proximas>próximas
proximo>próximo proximos>próximos prudencia>prudência prégar>pregar prégão>pregão publicos>públicos pupillas>pupilas
purgatorio>purgatório purpura>púrpura puz>pus pyramides>pirâmides pára>para póde>pode pódem>podem pôz>pôs
quaes>quais quasi>quase quiz>quis quizer>quiser quizera>quisera quizesse>quisesse quéda>queda raciocinio>raciocínio
raizes>raízes rapida>rápida rapidas>rápidas rapido>rápido rapidos>rápidos razoavel>razoável reapparecia>reaparecia
rebellião>rebelião recebêra>recebera recem>recém recommendava>recomendava recommendação>recomendação
recommendações>recomendações recommendou>recomendou recondita>recôndita reconstrucção>reconstrução recta>reta
rectas>retas rectificar>retificar recto>reto redactor>redator redea>rédea redeas>rédeas reflecte>reflete
reflecti>refleti reflectia>refletia reflectindo>refletindo reflectir>refletir reflectiu>refletiu
relatorios>relatórios reliquias>relíquias relogio>relógio relogios>relógios remedio>remédio remedios>remédios
reminiscencias>reminiscências repelle>repele repellida>repelida repelliu>repeliu repertorio>repertório
reprehendeu>repreendeu reproducção>reprodução republica>república repugnancia>repugnância residencia>residência
residuo>resíduo resistencia>resistência restituia>restituía restituida>restituída restituido>restituído
reticencia>reticência revellar>revelar revellou>revelou rey>rei ridicula>ridícula ridiculas>ridículas
ridiculo>ridículo rigida>rígida rispida>ríspida rispido>ríspido rivaes>rivais roido>roído romantico>romântico
rompêra>rompera rosario>rosário roubára>roubara ruido>ruído ruina>ruína ruinas>ruínas rustica>rústica sabbado>sábado
sabbados>sábados sabio>sábio sabios>sábios sacco>saco saccou>sacou sachristão>sacristão sacrificio>sacrifício
sacrificios>sacrifícios sae>sai sahi>saí sahia>saía sahiam>saíam sahida>saída sahido>saído sahindo>saindo sahir>sair
sahiram>saíram sahisse>saísse sahiu>saiu saida>saída saido>saído saimos>saímos sairam>saíram sairem>saírem
saisse>saísse saissem>saíssem saphira>safira saphyra>safira sapiencia>sapiência sarcastico>sarcástico saude>saúde
scena>cena scenario>cenário scenas>cenas sciencia>ciência sciencias>ciências scientifica>científica
scientificas>científicas scientifico>científico scismando>cismando scismar>cismar secca>seca seccamente>secamente
seccas>secas secco>seco seccos>secos secretario>secretário secretarios>secretários seculo>século seculos>séculos
seductor>sedutor seminario>seminário sensivel>sensível setimo>sétimo setta>seta signaes>sinais signal>sinal
silencios>silêncios simultaneo>simultâneo singella>singela sitios>sítios sobrescripto>sobrescrito sobrio>sóbrio
soccorro>socorro sociaes>sociais socio>sócio socios>sócios soffre>sofre soffrer>sofrer solida>sólida solidas>sólidas
solido>sólido solitaria>solitária solitarias>solitárias solitario>solitário somma>soma sommando>somando somno>sono
sonhára>sonhara sophá>sofá subita>súbita subito>súbito substituidas>substituídas suburbios>subúrbios succede>sucede
succedeu>sucedeu succedia>sucedia succediam>sucediam successivamente>sucessivamente successos>sucessos
successão>sucessão sufficiente>suficiente suffocado>sufocado suffragio>sufrágio suggeriu>sugeriu suggestão>sugestão
suggestões>sugestões summa>suma summario>sumário superfluas>supérfluas superfluo>supérfluo supplicante>suplicante
supplicio>suplício suppondo>supondo supponho>suponho suppor>supor supportar>suportar supposição>suposição
supposta>suposta suppoz>supôs suppria>supria supprir>suprir suppunha>supunha suppunham>supunham suppôr>supor
suppõe>supõe suspensorios>suspensórios syllaba>sílaba symbolico>simbólico symbolo>símbolo symetria>simetria
sympathia>simpatia sympathias>simpatias sympathica>simpática sympathico>simpático symptomas>sintomas syntaxe>sintaxe
systema>sistema systemas>sistemas sêde>sede sómente>somente tabellião>tabelião tacto>tato taes>tais tambem>também
tamoyo>tamoio tecto>teto tectos>tetos tedio>tédio tedios>tédios tenues>tênues territorio>território
terriveis>terríveis terrivel>terrível testamentaria>testamentária theatro>teatro theatros>teatros theologia>teologia
theoria>teoria theorias>teorias therapeutica>terapêutica throno>trono tibia>tíbia timida>tímida timido>tímido
timidos>tímidos tinhamos>tínhamos tirára>tirara tisica>tísica titulo>título titulos>títulos tocára>tocara
tolerancia>tolerância tomára>tomara tradicção>tradição traducção>tradução tragedia>tragédia tragico>trágico
tragicos>trágicos tranquilla>tranquila tranquillidade>tranquilidade tranquillo>tranquilo tranquillos>tranquilos
transmittir>transmitir tratára>tratara travêssa>travessa traçára>traçara tremula>trêmula tremulas>trêmulas
tremulo>trêmulo tremulos>trêmulos tres>três trez>três triviaes>triviais tumulo>túmulo tunica>túnica typo>tipo
tyranno>tirano ultimos>últimos unanime>unânime unanimes>unânimes unica>única unicas>únicas unico>único unicos>únicos
uteis>úteis util>útil vacca>vaca vaccas>vacas vacillar>vacilar vacillo>vacilo vae>vai vaes>vais valle>vale
valles>vales varios>vários veiu>veio velleidade>veleidade velleidades>veleidades velludo>veludo vespera>véspera
vestigio>vestígio vestigios>vestígios vestuario>vestuário veu>véu victima>vítima victimas>vítimas vigario>vigário
vigesimo>vigésimo vigilia>vigília vigilias>vigílias villa>vila villas>vilas vinculos>vínculos vinhamos>vínhamos
vintem>vintém vintens>vinténs violencia>violência visinho>vizinho visitára>visitara visivel>visível viuva>viúva
viuvez>viúves viuvo>viúvo vivêra>vivera vocabulario>vocabulário vocabulo>vocábulo voce>você vogaes>vogais
voltámos>voltamos voltára>voltara voluntaria>voluntária voluntario>voluntário volupia>volúpia vêr>ver á>à
ácerca>acerca áquella>àquela áquellas>àquelas áquelle>àquele ás>às éco>eco écos>ecos
""".split())

# Palavras que o mapa não atualiza com certeza (antigas fora do mapa, ou sem acento mas com outra forma acentuada
# hoje: "ultima" / "última"), conferidas com o vocabulário atual; a frase que tem alguma é descartada.
# Recalcule com `python ferramentas/familias07_corpus.py --auditar /usr/share/dict/brazilian` (pacote wbrazilian).
UNMODERNISED = frozenset("""
abrahão abrissemos acabámos acabávam acanhadamente achaques acinte acodem acquiescencia acóde adeuses adventicia
afóra agazalhar ageis alcantara alcibiades aleivosia alforias alpaca amantissima amanuense amargamente amarissimo
america anciar anciava andador anecdota angustiadamente animo apologo archaica arrabalde arrancos arranjavamos
arrenegar ascenção assembléa assignatura assignava atrazados augmentára azas azues bailadeiras barbonos basilio
beneficio benefico bezouros biblia boliam breviario bricadeira caboclinha caetaninha caiporismo calculo calefrio
calix canonisa canonisação cança cançada cançadas cançado cançam cap capitaes capitulo caranquejola carrancismo
carêta casadinhos castão casuarina casuista casámo celebres censitario ceremonias ceremoniosamente chacarinha
chalaça chinela chita chocarreira christiano christovão chulo cie circunloquios claramente clarissima claudia
clemencia clemente clerigo coadjutor coche colchoaria columna compartia complicidade compridamente comprimentar
comprimentava comprimentou condemnada condemnar condemno confidencia congeneres conheciamos conrado conservatorio
consternou conteudo continuas continuo continuos contraria contrario contribuira convalecer copia cordialidade
cordialmente cortezes cortezias cosinheiro cousa cousas creado crudelissimos crusadas curia curiosissimo custodio
dansar dansas degráos degráus delirára demandista demonios denuncia deputação desavisar descaira descançam
descançando descançasse descativado desconsolador desconversou descôr desegual desembrulhava desforço despega
despersuadir despeza desprazer despregadas despregando dezeseis dezesete diabolico dificil dir doces doge dogue dois
domesticas dormitorio doudamente doudas doudos dous dragonas duraque duvida duvidas egrejas eguaes empedocles
empirico emprezas empulhado enfarruscado enfim enfunou enternecia entrarám escadinha escandalisado escreventes
esguelha espanou espelhinho esperassemos espiritista espjrito espreitára estalinhos estariamos estavão estirão
estréas eulalia evaristo exageração excepções excusar exercito exhaurir expuz expòr exquisita exquisitas extranho
extranhos extranhou extranhões fabrica falámos familiares familiarmente ferias fieis finamente finorio formulas
formulára fortunata francezes furibundo gambôa gasnate gastámos geito geometras germen gerára gloria gosar gouvêa
gravissimas gretado guasca gárrula hade hasde henriqueta hercules hespanha historia hombrear horisonte hospede
humanitas i iii impertinencia implicancia imputação inalteravel incombustiveis incompletamente incruentas
indisçrição inexgotaveis inexperiencia inextricavel influição ingreme injuria injurias inquisidor inscripção insigne
insomnia instantaneo intantes inteiramente interinidade interiormente interminaveis interpoz intima intimas intimo
invalidos inventario iv jacob jerichó joguete jurisdicção largamente lategos lavadouro lavantara lazaros legitimo
lençóes leu libré lividez loas logista longamente lucien luzitana madrigal manteletes marquez marte mecanico medico
meduza mesmissima metrificar meza moco moderno modernos mormente morrereis moveis mudávam musica musicas mãi mãis
mãos namorámos naufrago negocio nia nobiliarchia nobilissimas noticia noticias nucleo numero nú obolos obsequio
oculo olhámos onomastica orsini osculo ourives outrosim pacifico pagem pagina paginas paizagem papafina papeis
papões patena paternalmente patrimonio peior pendencia pensaes peores perdoavel perpetua pesquiza pessimo pipilando
piroga placido pobremente pode poetou policia pontinha porquê poude pratica pratico premio presava presiganga
pretencioso previlegiada principio propicia proporcionaes proposrtos prospera protonotario prégando publica publico
pungiu puramente purpureas puzesse quadragenaria quaesquer quizeres razao realisei receiando receiar receiava
recompoz recreios redarguiu referencia regimen reis relancei reposteiro repousadamente requestada resentimento reuno
reverendissima rhenania rigido ro robespierre rodaque roidos roía rufina rutilos réles réo sabia sacerdotiza saia
saias sandalia santissimo satanaz secretaria sege sequeira seria serio sestercios sexagenarios silencio simplices
sinhásinha sinházinha sitio sobrepeliz socegada sofreasse solemnemente solemnidade solemnidades solidez soltámos
somnambulo sortes sr sra stroibus suberba subscripção substancia substituido subtil suicidios sujára surdisse
sósinho taboleta taboletas taludo tamanha technico temperamento temperamentos temporaes tendencia testador ti tijuca
titané toa tong tonica torpor tramou transitorias translatas trapiche treplica tribus trinchar tropel tôa u ua
ultima ultimas ultimo usavamos usára v valsava varia varias vasio vaz velhissimo venalidade verosimil verrumas
versatil vii viii virginia viriamos visicatorios visinha visinhança visitámos viveza vocação vontade vès vêde éra ó
""".split())

# Nomes próprios de grafia igual à de hoje, que a lista de palavras comuns não tem.
MODERN_NAMES = frozenset("""
rubião guiomar quincas justina cosme sancha botafogo evarista gurgel manduca lopo genoveva deolindo
""".split())

# Padrões de grafia antiga: uma palavra fora do mapa com um deles torna a frase impossível de atualizar com certeza.
TELLTALE = re.compile(r"th|ph|y|k|w|([bcdfglmnpt])\1|ct|pt|^sc|[aeiou]h[aeiou]", re.IGNORECASE)
# Frases de 30 a 90 caracteres: pedido + frase antiga + frase atual cabem em ~220 caracteres.
SPELLING_MAX_CHARS = 90
# Depois de "á", palavras masculinas ou verbos: ali o acento não é a crase de hoje, então a frase sai.
NOT_CRASE_AFTER = frozenset("o os um uns do dos elle elles este esse aquelle isso isto".split())


def modern_case(old: str, modern: str) -> str:
    """A forma moderna com a caixa da antiga: "Elle" → "Ele", "ELLE" → "ELE"."""
    if old.isupper() and len(old) > 1:
        return modern.upper()
    if old[0].isupper():
        return modern[0].upper() + modern[1:]
    return modern


def modernize(sentence: str) -> str:
    """Troca cada palavra do mapa pela forma moderna, mantendo caixa, pontuação e espaços."""
    return WORD.sub(lambda m: modern_case(m.group(), SPELLING_MAP.get(m.group().lower(), m.group().lower()))
                    if m.group().lower() in SPELLING_MAP else m.group(), sentence)


def spelling_problem(sentence: str, reject: frozenset[str] = UNMODERNISED) -> str | None:
    """Por que a frase não serve para `ortografia` (None se serve)."""
    if not clean_sentence(sentence, 30, SPELLING_MAX_CHARS):
        return "forma"
    words = WORD.findall(sentence)
    lower = [word.lower() for word in words]
    if not any(word in SPELLING_MAP for word in lower):
        return "nenhuma palavra do mapa"
    for word in lower:
        if word not in SPELLING_MAP and (TELLTALE.search(word) or word in reject):
            return f"palavra antiga fora do mapa: {word}"
    for before, after in zip(lower, lower[1:]):
        if before in ("á", "ás") and (after in NOT_CRASE_AFTER or after.endswith("r")):
            return f"crase duvidosa: {before} {after}"
        if before == "ha" and after in ("ha", "há"):
            return "interjeição"
    return None


def spelling_candidates(reject: frozenset[str] = UNMODERNISED) -> list[str]:
    """As frases dos livros em prosa que podem ser atualizadas com certeza, sem repetição, ordenadas."""
    found = set()
    for name in PROSE_BOOKS:
        found.update(s for s in book_sentences(name) if spelling_problem(s, reject) is None)
    return sorted(found)


def items_ortografia(rng: random.Random, count: int = 280) -> list[Item]:
    chosen = rng.sample(spelling_candidates(), count)
    return [Item("ortografia", f"ortografia:{sentence}", sentence, modernize(sentence)) for sentence in sorted(chosen)]


def strip_accents(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


# Acentos diferenciais antigos ("pára", "pêlo"), que o Acordo de 1990 tirou: não tornam "para" e "pelo" ambíguas.
OLD_DIFFERENTIAL = frozenset("pára péla pélas pêlo pêlos pólo pólos pêra pêras côa côas".split())


def audit_unmodernised(wordlist: str) -> list[str]:
    """As palavras das frases candidatas (sem `UNMODERNISED`) que o mapa não pode atualizar com certeza.

    São as que não estão no português atual nem no mapa ("cousa", "historia" sem acento em nome antigo), e as
    que existem hoje mas teriam outra forma com acento numa sílaba que não é a última ("ultima" / "última",
    "comedia" / "comédia"): na grafia de 1899 o acento faltava, então não dá para saber qual das duas é.
    `wordlist`: uma lista de palavras do português (uma por linha), como /usr/share/dict/brazilian.
    """
    lexicon = set()
    for line in Path(wordlist).read_text(encoding="utf-8").split():
        word = line.lower().replace("ü", "u")
        word = re.sub(r"éi(as?|os?|cos?|cas?)$", r"ei\1", word)
        word = re.sub(r"ói(as?|os?|cos?|cas?)$", r"oi\1", word)
        lexicon.add(re.sub(r"ôo(s?)$", r"oo\1", word))
    accented = {}
    for word in lexicon - OLD_DIFFERENTIAL:
        accent = next((i for i, ch in enumerate(word) if ch in "áéíóúâêô"), None)
        if accent is not None and re.search("[aeiou]", word[accent + 1:]):
            accented.setdefault(strip_accents(word), set()).add(word)
    unsure = set()
    for sentence in spelling_candidates(frozenset()):
        for word in WORD.findall(sentence.lower()):
            if word in SPELLING_MAP or word in MODERN_NAMES:
                continue
            if word not in lexicon or accented.get(strip_accents(word), set()) - {word}:
                unsure.add(word)
    return sorted(unsure)


# ---------------------------------------------------------------------------------------------------------
# romances
# ---------------------------------------------------------------------------------------------------------

# Cada fato: (id, livro, citação que o comprova — trecho literal do livro, na grafia original —, resposta,
# perguntas). As perguntas do mesmo fato ficam no mesmo grupo (a mesma parte da divisão). Nenhum fato vem de
# memorialdeayres.txt, o livro que o modelo não leu; o teste confere que cada citação está no livro indicado.
FACTS = [
    # Dom Casmurro
    ("dc-capitolina", "dom_casmurro.txt", "Capitolina, uma moça que morou na rua de Matacavallos", "Capitolina",
     ["Capitu é apelido de qual nome?", "Qual era o nome de batismo de Capitu, em Dom Casmurro?"]),
    ("dc-olhos-ressaca", "dom_casmurro.txt", "falando dos seus olhos de ressaca", "olhos de ressaca",
     ["Em Dom Casmurro, como Bentinho chama os olhos de Capitu?",
      "Que expressão Bentinho usa para os olhos de Capitu?"]),
    ("dc-olhos-cigana", "dom_casmurro.txt", "São assim de cigana obliqua e dissimulada",
     "de cigana oblíqua e dissimulada",
     ["Segundo José Dias, como eram os olhos de Capitu?",
      "Em Dom Casmurro, José Dias diz que Capitu tem olhos de quê?"]),
    ("dc-agregado", "dom_casmurro.txt", "Era nosso aggregado desde muitos annos", "agregado",
     ["Qual era a posição de José Dias na casa de Bentinho?", "Em Dom Casmurro, José Dias era o quê da família?"]),
    ("dc-superlativos", "dom_casmurro.txt", "José Dias amava os superlativos", "os superlativos",
     ["Que tipo de palavra José Dias amava usar?", "Em Dom Casmurro, do que José Dias gostava tanto ao falar?"]),
    ("dc-homeopata", "dom_casmurro.txt", "vendendo-se por medico homeopatha", "médico homeopata",
     ["Como José Dias se apresentou quando chegou à fazenda da família de Bentinho?",
      "Que falso ofício José Dias dizia ter quando apareceu?"]),
    ("dc-escobar-nome", "dom_casmurro.txt", "Chamava-se Ezequiel de Souza Escobar", "Ezequiel de Souza Escobar",
     ["Qual era o nome completo de Escobar?", "Em Dom Casmurro, como se chamava Escobar por inteiro?"]),
    ("dc-seminario", "dom_casmurro.txt", "fui para o seminario de S. José", "o seminário de São José",
     ["Para que seminário Bentinho foi mandado?", "Em que seminário Bentinho conheceu Escobar?"]),
    ("dc-mae", "dom_casmurro.txt", "D. Maria da Gloria Fernandes Santiago", "Maria da Glória Fernandes Santiago",
     ["Qual era o nome completo da mãe de Bentinho?", "Como se chamava D. Glória, a mãe de Bentinho, por inteiro?"]),
    ("dc-pai", "dom_casmurro.txt", "o marido, Pedro de Albuquerque Santiago", "Pedro de Albuquerque Santiago",
     ["Como se chamava o pai de Bentinho?", "Em Dom Casmurro, qual era o nome do marido de D. Glória?"]),
    ("dc-padre", "dom_casmurro.txt", "não perdeu a ideia de o fazer padre", "padre",
     ["O que D. Glória queria que Bentinho fosse?", "Em Dom Casmurro, que carreira a mãe prometeu para Bentinho?"]),
    ("dc-tartaruga", "dom_casmurro.txt", "donde lhe veiu a alcunha de Tartaruga", "Tartaruga",
     ["Que apelido José Dias dava a Pádua, o pai de Capitu?", "Como José Dias chamava o pai de Capitu?"]),
    ("dc-fortunata", "dom_casmurro.txt", "D. Fortunata ralhava", "Fortunata",
     ["Como se chamava a mãe de Capitu?", "Em Dom Casmurro, qual é o nome da mulher de Pádua?"]),
    ("dc-sancha", "dom_casmurro.txt", "casou com a boa Sancha, a amiga de Capitú", "Sancha",
     ["Com quem Escobar se casou?", "Qual amiga de Capitu se casou com Escobar?"]),
    ("dc-matacavalos", "dom_casmurro.txt", "a casa em que me criei na antiga rua de Matacavallos",
     "rua de Matacavalos", ["Em que rua Bentinho foi criado?", "Em que rua ficava a casa da infância de Bentinho?"]),
    ("dc-engenho-novo", "dom_casmurro.txt", "reproduzir no Engenho Novo a casa em que me criei", "Engenho Novo",
     ["Em que bairro Dom Casmurro mandou copiar a casa da infância?",
      "Onde o narrador de Dom Casmurro mora quando escreve o livro?"]),
    ("dc-trem", "dom_casmurro.txt", "trem da Central um rapaz aqui do bairro", "no trem da Central",
     ["Onde o narrador encontrou o rapaz que lhe deu o apelido de Dom Casmurro?",
      "Em que lugar começa a história do apelido Dom Casmurro?"]),
    ("dc-escobar-morte", "dom_casmurro.txt", "Escobar metteu-se a nadar, como usava fazer", "nadando no mar",
     ["Como Escobar morreu?", "Em Dom Casmurro, o que Escobar fazia quando morreu?"]),
    ("dc-justina", "dom_casmurro.txt", "Você que acha, prima Justina?", "prima",
     ["Quem era Justina para Bentinho?", "Que parentesco Justina tinha com Bentinho?"]),
    ("dc-cosme", "dom_casmurro.txt", "Tio Cosme respondeu com um", "tio",
     ["Quem era Cosme para Bentinho?", "Que parentesco Cosme tinha com Bentinho?"]),
    # Quincas Borba
    ("qb-professor", "quincas_borba.txt", "Que era, ha um anno? Professor.", "professor",
     ["Qual era a profissão de Rubião antes da herança?", "O que Rubião fazia antes de ficar rico?"]),
    ("qb-herdeiro", "quincas_borba.txt", "Era nomeado herdeiro universal do testador", "herdeiro universal",
     ["O que o testamento de Quincas Borba fez de Rubião?", "Em Quincas Borba, como Rubião aparece no testamento?"]),
    ("qb-cachorro", "quincas_borba.txt", "cachorro era o mesmo que o do dono, agora morto, Quincas Borba",
     "Quincas Borba",
     ["Como se chamava o cachorro de Rubião?", "Que nome tinha o cão que Rubião herdou?",
      "Qual era o nome do cachorro do filósofo?"]),
    ("qb-batatas", "quincas_borba.txt", "ao vencedor, as batatas", "as batatas",
     ["Complete a frase de Quincas Borba: ao vencido, ódio ou compaixão; ao vencedor…",
      "Segundo Quincas Borba, o que cabe ao vencedor?"]),
    ("qb-humanitas", "quincas_borba.txt", "Humanitas, segundo a minha doutrina, é o principio da vida", "Humanitas",
     ["Como se chama a filosofia de Quincas Borba?", "Qual é o nome da doutrina do filósofo Quincas Borba?"]),
    ("qb-barbacena", "quincas_borba.txt", "Aqui o tens agora em Barbacena", "Barbacena",
     ["Em que cidade de Minas morava Rubião antes de ir para a corte?",
      "De que cidade Rubião veio para o Rio de Janeiro?"]),
    ("qb-palha", "quincas_borba.txt", "entraram no trem Sophia e o marido, Christiano", "Cristiano Palha",
     ["Como se chamava o marido de Sofia?", "Em Quincas Borba, quem era casado com Sofia?"]),
    ("qb-vassouras", "quincas_borba.txt", "Na estação de Vassouras, entraram no trem Sophia", "Vassouras",
     ["Em que estação Sofia e o marido entraram no trem de Rubião?",
      "Onde Rubião conheceu Sofia e o marido, na viagem para a corte?"]),
    ("qb-napoleao", "quincas_borba.txt", "Rubião sentiu que era o imperador Luiz Napoleão", "Luís Napoleão",
     ["Na loucura, que imperador Rubião pensa que é?", "Com quem Rubião passa a se confundir quando enlouquece?"]),
    ("qb-botafogo", "quincas_borba.txt", "mudança para a casa de Botafogo, uma das herdadas", "Botafogo",
     ["Em que bairro ficava a casa em que Rubião foi morar no Rio?",
      "Em Quincas Borba, onde ficava a casa herdada em que Rubião morou?"]),
    ("qb-camacho", "quincas_borba.txt", "Dr. Camacho,--João de Souza Camacho", "João de Souza Camacho",
     ["Qual era o nome completo do Dr. Camacho?", "Como se chamava o Dr. Camacho por inteiro?"]),
    ("qb-tonica", "quincas_borba.txt", "D. Tonica, a filha do", "do major",
     ["De quem D. Tonica era filha?", "Em Quincas Borba, D. Tonica era filha de quem?"]),
    ("qb-benedita", "quincas_borba.txt", "Maria Benedicta era o nome da avó", "da avó",
     ["De quem Maria Benedita herdou o nome?", "Maria Benedita tinha o nome de quem?"]),
    ("qb-bras-cubas", "quincas_borba.txt", "lia: _Braz Cubas._ Era um simples bilhete", "Brás Cubas",
     ["Quem assinou o bilhete que contava a Rubião a morte de Quincas Borba?",
      "Em casa de quem morreu o filósofo Quincas Borba?"]),
    # Esaú e Jacó
    ("ej-gemeos", "esauejacob.txt", "uma enseada imperial para Pedro, uma Veneza republicana para Paulo",
     "Pedro e Paulo", ["Como se chamavam os gêmeos de Esaú e Jacó?", "Quais são os nomes dos dois irmãos gêmeos?"]),
    ("ej-natividade", "esauejacob.txt", "A dos meninos de Natividade", "Natividade",
     ["Quem era a mãe de Pedro e Paulo?", "Em Esaú e Jacó, como se chamava a mãe dos gêmeos?"]),
    ("ej-santos", "esauejacob.txt", "Deixa, Agostinho, disse-lhe a mulher", "Agostinho",
     ["Qual era o primeiro nome de Santos, o pai dos gêmeos?", "Como Natividade chamava o marido?"]),
    ("ej-perpetua", "esauejacob.txt", "Perpetua compartia as alegrias da irmã", "irmã",
     ["Quem era Perpétua para Natividade?", "Em Esaú e Jacó, que parentesco havia entre Perpétua e Natividade?"]),
    ("ej-cabocla", "esauejacob.txt", "Natividade ia pensando na cabocla do Castello", "a cabocla do Castelo",
     ["A quem Natividade foi perguntar sobre o futuro dos filhos?",
      "Quem fez a profecia sobre os gêmeos em Esaú e Jacó?"]),
    ("ej-ventre", "esauejacob.txt", "Brigaram no ventre de sua mãe", "no ventre da mãe",
     ["Segundo a cabocla, onde os gêmeos já tinham brigado?", "Onde Pedro e Paulo brigaram pela primeira vez?"]),
    ("ej-republicano", "esauejacob.txt", "Paulo adoptou a opinião republicana", "Paulo",
     ["Qual dos gêmeos era republicano?", "Em Esaú e Jacó, quem adotou a opinião republicana, Pedro ou Paulo?"]),
    ("ej-medico", "esauejacob.txt", "Pedro seria medico, Paulo advogado", "Pedro",
     ["Qual dos gêmeos seria médico?", "Em Esaú e Jacó, quem estudou medicina, Pedro ou Paulo?"]),
    ("ej-sao-paulo", "esauejacob.txt", "outro ia para S. Paulo, estudar direito", "direito",
     ["O que um dos gêmeos foi estudar em São Paulo?", "Que curso o gêmeo que foi para São Paulo fez?"]),
    ("ej-batista", "esauejacob.txt", "Baptista, o pae da donzella", "Batista",
     ["Como se chamava o pai de Flora?", "Em Esaú e Jacó, qual é o nome do pai de Flora?"]),
    ("ej-cadernos", "esauejacob.txt", "Quando o conselheiro Ayres falleceu, acharam-se lhe na secretaria sete cadernos",
     "sete", ["Quantos cadernos do conselheiro Aires foram achados quando ele morreu?",
              "Quantos cadernos manuscritos o conselheiro Aires deixou?"]),
    ("ej-conselheiro", "esauejacob.txt", "Quando o conselheiro Ayres falleceu", "conselheiro",
     ["Que título tinha Aires em Esaú e Jacó?", "Em Esaú e Jacó, Aires era o quê?"]),
    # A Mão e a Luva
    ("ml-madrinha", "maoealuva.txt", "a convite da baroneza, minha madrinha", "a baronesa",
     ["Quem era a madrinha de Guiomar?", "Em A Mão e a Luva, com quem Guiomar foi morar?"]),
    ("ml-oswald", "maoealuva.txt", "Mrs. Oswald,--dama de companhia da baroneza", "dama de companhia",
     ["O que Mrs. Oswald era da baronesa?", "Em A Mão e a Luva, qual era o papel de Mrs. Oswald na casa?"]),
    ("ml-advogado", "maoealuva.txt", "como advogado capaz de zelar os interesses", "advogado",
     ["Qual era a profissão de Luís Alves?", "Em A Mão e a Luva, Luís Alves trabalhava como quê?"]),
    ("ml-jorge", "maoealuva.txt", "Jorge não percebeu a verdadeira razão porque a tia lhe dissera", "Jorge",
     ["Em A Mão e a Luva, como se chamava o sobrinho da baronesa?",
      "Qual é o nome do sobrinho da madrinha de Guiomar?"]),
    # Papéis Avulsos
    ("pa-medico", "papeisavulsos.txt", "o Dr. Simão Bacamarte, filho da nobreza da terra e o maior dos medicos",
     "médico", ["Qual era a profissão de Simão Bacamarte?", "Em O Alienista, o que Simão Bacamarte era?"]),
    ("pa-casa-verde", "papeisavulsos.txt", "A Casa Verde foi o nome dado ao asylo", "Casa Verde",
     ["Como se chamava o asilo de Simão Bacamarte?", "Em O Alienista, que nome tinha o hospício?"]),
    ("pa-janelas", "papeisavulsos.txt", "por allusão á côr das janellas", "pela cor das janelas",
     ["Por que o asilo de O Alienista se chamava Casa Verde?",
      "De onde vem o nome Casa Verde, em O Alienista?"]),
    ("pa-itaguai", "papeisavulsos.txt", "trouxera para Itaguahy", "Itaguaí",
     ["Em que vila se passa O Alienista?", "Onde Simão Bacamarte abriu a Casa Verde?"]),
    ("pa-evarista", "papeisavulsos.txt", "casou com D. Evarista da Costa e Mascarenhas", "D. Evarista",
     ["Com quem Simão Bacamarte se casou?", "Como se chamava a mulher do alienista?"]),
    ("pa-alferes", "papeisavulsos.txt", "acabava de ser nomeado alferes da guarda nacional",
     "alferes da guarda nacional",
     ["Em O Espelho, para que posto Jacobina foi nomeado?", "Que nomeação deixou a mãe de Jacobina tão orgulhosa?"]),
    ("pa-medalhao", "papeisavulsos.txt", "Ser medalhão foi o sonho da minha mocidade", "medalhão",
     ["Em Teoria do Medalhão, que ofício o pai aconselha ao filho?",
      "O que o pai de Teoria do Medalhão sonhava ser na mocidade?"]),
    # Histórias sem Data
    ("hs-romao", "historiassemdata.txt", "Quem rege a missa é mestre Romão", "mestre Romão",
     ["Em Cantiga de Esponsais, quem rege a missa?", "Qual é o nome do mestre de música de Cantiga de Esponsais?"]),
    ("hs-venta-grande", "historiassemdata.txt", "Deolindo Venta-Grande (era uma alcunha de bordo)", "Venta-Grande",
     ["Qual era o apelido de bordo de Deolindo?", "Em Noite de Almirante, como os marujos chamavam Deolindo?"]),
    ("hs-genoveva", "historiassemdata.txt", "Chamava-se Genoveva, caboclinha de vinte annos", "Genoveva",
     ["Como se chamava a namorada de Deolindo?", "Em Noite de Almirante, quem Deolindo queria ver ao voltar?"]),
]


def items_romances(rng: random.Random) -> list[Item]:
    return [Item("romances", f"romances:{fact_id}", "", answer, {"pergunta": question})
            for fact_id, _book, _quote, answer, questions in FACTS for question in questions]


# ---------------------------------------------------------------------------------------------------------
# estilo
# ---------------------------------------------------------------------------------------------------------


def style_problem(sentence: str) -> str | None:
    """Por que a frase não serve para `estilo` (None se serve). Frases de `ortografia` ficam de fora."""
    if not clean_sentence(sentence, 40, 100):
        return "forma"
    if spelling_problem(sentence) is None:
        return "já é candidata de ortografia"
    count = len(sentence.split())
    if not 7 <= count <= 20:
        return "tamanho em palavras"
    return None


def split_sentence(sentence: str) -> tuple[str, str]:
    """O começo (a primeira metade das palavras, arredondada para cima) e o resto (no máximo 12 palavras)."""
    words = sentence.split()
    cut = max((len(words) + 1) // 2, len(words) - 12)
    return " ".join(words[:cut]), " ".join(words[cut:])


def items_estilo(rng: random.Random, count: int = 110) -> list[Item]:
    found = set()
    for name in PROSE_BOOKS:
        found.update(s for s in book_sentences(name) if style_problem(s) is None)
    chosen = rng.sample(sorted(found), count)
    return [Item("estilo", f"estilo:{sentence}", *split_sentence(sentence)) for sentence in sorted(chosen)]


# ---------------------------------------------------------------------------------------------------------
# registro
# ---------------------------------------------------------------------------------------------------------

# família → modelos de instrução; os últimos de cada lista são os guardados para validação e teste.
PHRASINGS_CORPUS: dict[str, list[str]] = {
    "ortografia": [
        "Atualize a ortografia desta frase de Machado de Assis.",
        "Reescreva a frase na ortografia atual.",
        "Você pode passar esta frase para a grafia de hoje?",
        "Oi! Pode modernizar a ortografia desta frase, por favor?",
        "Como fica esta frase na ortografia atual?",
        "Escreva esta frase com a grafia de hoje.",
        "Esta frase está na grafia de 1899. Atualize, por favor.",
        "Preciso desta frase na ortografia atual. Pode me ajudar?",
        "Troque a grafia antiga pela atual nesta frase.",
        "Modernize a grafia da frase abaixo.",
        "Olá! Como se escreve esta frase hoje em dia?",
    ],
    "romances": [
        "{pergunta}",
        "Uma pergunta sobre os livros de Machado de Assis: {pergunta}",
        "Você sabe me dizer? {pergunta}",
        "Oi! {pergunta}",
        "Responda em poucas palavras: {pergunta}",
        "Sobre os romances de Machado: {pergunta}",
        "Me ajuda com uma dúvida de leitura? {pergunta}",
        "Pergunta rápida: {pergunta}",
        "Olá, tudo bem? {pergunta}",
        "Estou lendo Machado de Assis e fiquei com uma dúvida. {pergunta}",
    ],
    "estilo": [
        "Continue esta frase no estilo de Machado de Assis.",
        "Complete a frase como Machado de Assis escreveria.",
        "Você pode terminar esta frase de Machado?",
        "Termine a frase.",
        "Oi! Continue o trecho, por favor.",
        "Escreva o resto desta frase, no estilo de Machado.",
        "Como Machado de Assis continuaria esta frase?",
        "Complete com poucas palavras, no estilo do autor.",
        "Olá! Pode completar esta frase de Machado de Assis?",
        "Continue o começo de frase abaixo.",
    ],
}
FAMILIES_CORPUS = {"ortografia": items_ortografia, "romances": items_romances, "estilo": items_estilo}
DISPLAY_NAMES_CORPUS = {
    "ortografia": "Atualize a ortografia",
    "romances": "Sobre os romances",
    "estilo": "Continue no estilo de Machado",
}


if __name__ == "__main__":
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "--auditar":
        print(" ".join(audit_unmodernised(sys.argv[2])))
    else:
        print("uso: python ferramentas/familias07_corpus.py --auditar /usr/share/dict/brazilian")
