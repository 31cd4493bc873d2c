# Le catalogue français de debrief : chaque texte du rapport qu’un lecteur voit, par clé.
# Chaque clé de locales/en.ftl doit exister ici (un test le vérifie).
# Typographie : espace fine insécable (U+202F) avant % et entre les milliers, espace insécable
# (U+00A0) avant « : » et à l’intérieur des guillemets « ».

## Écriture des nombres, durées, heures et dates (src/i18n/format.rs)

fmt-group-separator = {"\u202F"}
fmt-decimal-separator = ,
fmt-percent = { $value }{"\u202F"}%
fmt-duration-s = { $s } s
fmt-duration-min = { $min } min
fmt-duration-min-s = { $min } min { $s } s
fmt-duration-h-min = { $h } h { $min } min
fmt-clock = { $h } h { $mm }
fmt-weekday = { $n ->
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
    [6] samedi
   *[7] dimanche
}
fmt-month = { $n ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
fmt-long-date = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }

## Décomptes

count-tickets = { $n ->
    [one] { $n } ticket
   *[other] { $n } tickets
}
count-affected-participants = { $n ->
    [one] { $n } participant touché
   *[other] { $n } participants touchés
}
