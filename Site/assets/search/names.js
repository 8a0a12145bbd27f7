// Names of this dossier's people, events and articles for search, written by `dossier build`; loaded by search.js.
window.DOSSIER_SEARCH_NAMES = {"shards":[""],
"records":[
["P","Donald Trump","donald-trump","",["Trump"],"47th President of the United States (from 20 January 2025) · United States"],
["P","Joe Biden","joe-biden","",["Biden"],"46th President of the United States (2021–2025) · United States"],
["P","Kirill Dmitriev","kirill-dmitriev","born 12 April 1975",["Kiril Dmitriev","Dmitliff","Dmitliv","Dmitriev"],"CEO of the Russian Direct Investment Fund (RDIF); Putin's special envoy for investment and economic cooperation · Russia"],
["P","Marc Fogel","marc-fogel","",["Mark Vogel"],"American teacher held in Russia · United States"],
["P","Sergei Lavrov","sergei-lavrov","",["Sergei V. Lavrov","Lavrov"],"Foreign Minister of Russia (since 2004) · Russia"],
["P","Steve Witkoff","steve-witkoff","",["Steve Witkov","Witkov","Witkoff"],"US Special Envoy to the Middle East; Trump's lead negotiator with Russia · United States"],
["P","Vladimir Putin","vladimir-putin","",["Vladimir V. Putin","Putin"],"President of Russia · Russia"],
["P","Volodymyr Zelensky","volodymyr-zelensky","",[],"President of Ukraine (since 2019) · Ukraine"],
["E","Russia's full-scale invasion of Ukraine","russian-invasion-of-ukraine","24 February 2022",["Russia's invasion of Ukraine","Putin's invasion of Ukraine","Ukraine invasion"],""],
["E","US Treasury sanctions RDIF and Kirill Dmitriev","treasury-sanctions-rdif","28 February 2022",["sanctioned by the Biden administration","The US Treasury Department stated in 2022","imposed on him by the Biden administration"],""],
["E","Trump's second inauguration","trump-second-inauguration","20 January 2025",["Trump’s return to office"],""],
["E","Witkoff meets Putin in Moscow; Marc Fogel released","witkoff-putin-meeting-fogel-release","11 February 2025",["release of American teacher Marc Fogel","release of Mark Vogel"],"Moscow"],
["E","US–Russia talks in Riyadh","riyadh-talks","18 February 2025",["Riyadh, Saudi Arabia, in February","consultations with Saudi Arabia's Witkov"],"Riyadh, Saudi Arabia"],
["E","US–Russia consultations in Istanbul on the work of embassies","istanbul-consultations","27 February 2025",["met for the first time in Istanbul on February 27"],"Istanbul"],
["E","Witkoff's second meeting with Putin in Moscow","witkoff-putin-second-meeting","13 March 2025",[],"Moscow"],
["E","Trump tells NBC News he is “pissed off” at Putin","trump-nbc-interview","30 March 2025",["an interview with President Trump"],""],
["E","Dmitriev's visit to Washington","dmitriev-washington-visit","1–3 April 2025",["two-day meeting in Washington","Dmitriev's visit","first visit to Washington","visit Washington this week"],"Washington, D.C."],
["E","Trump announces sweeping new tariffs","trump-tariffs-announcement","2 April 2025",["sudden tariffs announced Wednesday"],""],
["A","Kremlin envoys praise Trump administration after two-day meeting in Washington","kremlin-envoys-praise-trump-administration-after-two-day-meeting-in-washington","3 April 2025",[],"The New York Times (machine translation)"],
["A","Senior Russian negotiator set for first visit to Washington since Ukraine invasion","senior-russian-negotiator-set-for-first-visit-to-washington-since-ukraine-invasion","c. 1 April 2025",[],"Caliber.Az, citing CNN · Tamilla Hasanova"]
]};
