// GNU make's "No rule to make target" in its own words and in the translations make.mo ships (GNU make 4.3), for the
// rules that read which file make could not make (source-file-missing, build-files-not-configured,
// source-not-git-checkout).

// "%sNo rule to make target '%s'%s" and "%sNo rule to make target '%s', needed by '%s'%s": the words before the target,
// in both forms. German, Polish and Japanese word the two forms apart ("Keine Regel, um" / "Keine Regel vorhanden, um
// das Ziel"); Japanese and Korean put the target after the file that needs it in the needed-by form (NEEDER_FIRST).
const BEFORE_TARGET = [
  'No rule to make target',
  'Keine Regel vorhanden, um das Ziel',
  'Keine Regel, um',
  'Aucune règle pour fabriquer la cible',
  'No hay ninguna regla para construir el objetivo',
  "Nessuna regola per generare l'obiettivo",
  'Sem regra para processar o alvo',
  'Sem regra para fazer o alvo',
  'Нет правила для сборки цели',
  '没有规则可制作目标',
  '沒有規則可製作目標',
  'Brak reguł do zrobienia obiektu',
  'Brak reguł do wykonania obiektu',
  'Žádné pravidlo jak vyrobit cíl',
  'Ingen regel til at skabe målet',
  'Er is geen regel om doel',
  'Ingen regel för att skapa målet',
  'Нема правила для створення цілі',
  'Không có quy tắc để tạo đích',
  'Tidak terdapat aturan untuk membuat target',
  'Няма правило за изграждане на целта',
  'Nema pravila za izradu cilja',
  'Нема правила за одрађивање мете',
  'Níl aon riail chun sprioc',
  'ターゲット',
  '타겟 ',
];

// What follows the target's closing quote in the needed-by form (de breaks the line after "“, ").
const NEEDED_BY = [
  ', ?needed by',
  ', benötigt von',
  ', nécessaire pour',
  ', necesario para',
  ', necessario per',
  ', necessário por',
  ', necessária a',
  ', требуемой для',
  '，由',
  ', wymaganego przez',
  ' potřebný pro',
  ' som behøves af',
  ' te maken, nodig voor',
  ', som behövs av',
  ', необхідної для',
  ', cần bởi',
  ', dibutuhkan oleh',
  ', която е необходима на',
  ' koji je potrebni za',
  ', треба га',
  ' a dhéanamh, rud a theastaíonn',
  ',\\s*$',
];

// ja "'app' に必要なターゲット 'x.o' を make するルールがありません", ko "'app'에서 필요한 'x.o' 타겟을 만들 규칙이 없습니다".
const NEEDER_FIRST = [' に必要なターゲット ', '에서 필요한 '];

// "Stop." after the message, as make.mo translates it ('.  Stop.').
const STOP = ['Stop', 'Schluss', 'Arrêt', 'Alto', 'Arresto', 'Pare', 'Parar', 'Останов', '停止', 'Konec', 'Gestopt', 'Stannar', 'Зупинка', 'Dừng', 'Berhenti', 'Край', 'Zaustavljeno', 'Стајем', '中止', '멈춤', 'Durdu', 'Seis', 'Detido', 'Pabaiga'];

// The quotes make puts around a target: ASCII, the backquote of make < 4.0, and the translations' typographic ones
// (French and Italian guillemets with no-break spaces inside).
const OPEN = String.raw`[\`'‘„«“”「"]\s?`;
const CLOSE = String.raw`\s?['’“”»」"]`;
// (a target never ends in a space: the no-break space before a closing guillemet is the quote's)
const TARGET = String.raw`[^'’“”»」"\n]{0,299}[^'’“”»」"\s]`;
// make's prefix: "make: *** ", "gmake[2]: *** ", and the name it was run as ("mingw32-make: *** ", "make.exe: *** ",
// "x86_64-w64-mingw32-make: *** "); a paste through GitHub's editor escapes the third star: "**\*"; fr and it put a
// second space before the message
const PREFIX = String.raw`^(?:[\w.]+-){0,4}g?make(?:\.exe)?(?:\[\d+\])?: (?:\\?\*){3} {1,2}`;

// "No targets specified and no makefile found" (make run where there is no makefile) in its own words and in every
// translation GNU make 4.3's make.mo ships (he keeps the English).
const NO_MAKEFILE = [
  'No targets specified and no makefile found',
  'Не е зададена цел, а и липсва управляващ изграждането файл',
  'Nezadány žádné cíle a žádné makefily nenalezeny',
  'Ingen angivne mål og ingen makefil fundet',
  'Es wurden keine Ziele angegeben und keine „make“-Steuerdatei gefunden',
  'No se especificó ningún objetivo y no se encontró ningún makefile',
  'Kohteita ei ole annettu, eikä makefileä löytynyt',
  "Pas de cible spécifiée et aucun makefile n'a été trouvé",
  'Níor sonraíodh aon sprioc agus níor aimsíodh aon makefile',
  'Non se especificaron obxectivos e non se atopou un ficheiro de make',
  'Nije navedeni nijedan cilj i nije pronađeni nijedan Makefile',
  'Target tidak dispesifikasikan dan tidak ditemukan makefile',
  'Nessun obiettivo specificato e nessun makefile trovato',
  'ターゲットが指定されておらず, makefile も見つかりません',
  '타겟이 지정되지 않았고 메이크파일이 없습니다',
  'Nenurodyta tikslų ir nerasta „make“ failų',
  'Geen doelen opgegeven en geen Makefile gevonden',
  'Nie podano obiektów i nie znaleziono makefile',
  'Sem alvos especificados e sem makefile',
  'Nenhum alvo indicado e nenhum arquivo make encontrado',
  'Не заданы цели и не найден make-файл',
  'Нису наведене мете и нисам нашао мејк_датотеку',
  'Inga mål angavs och ingen makefil hittades',
  'Hedefler belirtilmediğinden make dosyası yok',
  'Не задані цілі і не знайдений make-файл',
  'Chưa chỉ định đích, và không tìm thấy makefile',
  '没有指明目标并且找不到 makefile',
  '沒有指明目標並且找不到 makefile',
];

/** Literals of make's "No targets specified and no makefile found", in any language. */
export const MAKE_NO_MAKEFILE_LITERALS: readonly string[] = NO_MAKEFILE;

/** The source of a regex for make's "No targets specified and no makefile found.  Stop." in any language, under any make name. */
export function makeNoMakefile(): string {
  return `${PREFIX}(?:${NO_MAKEFILE.join('|')})`;
}

/** Literals that every "No rule to make target" line holds one of, in any language. */
export const MAKE_NO_RULE_LITERALS: readonly string[] = [...BEFORE_TARGET, ...NEEDER_FIRST];

/**
 * The source of a regex for make's "No rule to make target T, needed by N" in any language. `target(suffix)` is the
 * target's source with a named group ending in `suffix` ("" where the target comes first, "After" where the needer does).
 */
export function makeNoRuleNeededBy(target: (suffix: '' | 'After') => string = (s) => `(?<file${s}>${TARGET})`): string {
  return (
    `${PREFIX}(?:(?:${BEFORE_TARGET.join('|')}) ?${OPEN}${target('')}${CLOSE}(?:${NEEDED_BY.join('|')})` +
    `|${OPEN}${TARGET}${CLOSE}(?:${NEEDER_FIRST.join('|')})${OPEN}${target('After')}${CLOSE})`
  );
}

/** The source of a regex for make's "No rule to make target T.  Stop." (no needer) in any language; `target` has its group. */
export function makeNoRuleStop(target = `(?<file>${TARGET})`): string {
  // (the translations that end the sentence after the target: "… zu erstellen", "… te maken", "… を make するルールがありません")
  return `${PREFIX}(?:${BEFORE_TARGET.join('|')}) ?${OPEN}${target}${CLOSE}[^'’“”»」"\\n.。]{0,40}[.。]\\s{0,3}(?:${STOP.join('|')})[.。]`;
}
