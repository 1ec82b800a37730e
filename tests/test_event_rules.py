"""The extractor's coding rules, one sentence each (written for these tests).

Each case names the rule it pins down, so a regression says which convention broke.
The model is the real pinned pipeline, loaded once by the session fixture.
"""
from __future__ import annotations

import pytest

import bilat

PUBLISHED = "2024-05-17"  # a Friday


@pytest.fixture
def dyads(nlp):
    def run(text):
        return [(e["type"], sorted({a["country"] for a in e["source"]}), sorted({a["country"] for a in e["target"]}))
                for e in bilat.extract(text, PUBLISHED)]
    return run


def _processed(article: dict):
    """The events of one article record with fields of its own (a title, a date), through the whole pipeline."""
    from bilat.model import Article
    from bilat.pipeline import process
    (result,) = process([Article(**article)])
    return result.events


def _dyad_set(events, speaker: bool = False) -> set[tuple]:
    """Each processed event as (type, source countries, target countries), with its first source's name
    where ``speaker``."""
    return {(e.type, tuple(sorted({a.country for a in e.source})), tuple(sorted({a.country for a in e.target})))
            + ((e.source[0].name,) if speaker else ()) for e in events}


RULES = [
    # a case or suit filed or brought against a state sues it
    ("Kenya filed a case against Uganda at the East African Court of Justice.", ("ACCUSE", ["KEN"], ["UGA"])),
    # an ambassador withdrawn is a cut in relations; prisoners or bodies exchanged or returned are
    # released; a veto lifted concedes
    ("Ghana withdrew its ambassador from Lome for consultations.", ("SANCTION", ["GHA"], ["TGO"])),
    ("Kenya and Uganda exchanged 40 prisoners on Friday.", ("RETREAT", ["KEN", "UGA"], ["KEN", "UGA"])),
    ("Uganda returned the bodies of 12 Kenyan soldiers on Monday.", ("RETREAT", ["UGA"], ["KEN"])),
    # a crossing opened to someone, or to let things through to them, allows them access; an embassy
    # reopened restores ties; troops that pull back retreat
    ("Azerbaijan reopened the Lachin corridor to Armenian traffic on Monday.", ("RETREAT", ["AZE"], ["ARM"])),
    ("Turkey opened the border bridge to allow the delivery of food to Syria.", ("RETREAT", ["TUR"], ["SYR"])),
    ("Britain reopened its embassy in Tehran on Sunday.", ("SUPPORT", ["GBR"], ["IRN"])),
    ("Israeli troops pulled back from the Lebanese village of Khiam on Sunday.", ("RETREAT", ["ISR"], ["LBN"])),
    ("Bulgaria lifted its veto on North Macedonia's accession talks.", ("CONCEDE", ["BGR"], ["MKD"])),
    # aid whose purpose clause helps someone do something to a country is for that country
    ("Kenya sent weapons to help defend Somalia against the insurgents.", ("AID", ["KEN"], ["SOM"])),
    # what is rejected "from" someone is theirs: an offer, aid, pressure
    ("Kenya rejected the plan despite pressure from Uganda.", ("REJECT", ["KEN"], ["UGA"])),
    # whoever pressed for what is refused is refused, a domestic side too
    ("The Peruvian president declined to resign despite mounting pressure from the Peruvian congress.",
     ("REJECT", ["PER"], ["PER"])),
    # sanctions "imposed on" a country, by the participle's own preposition; Western ones are the US's
    # and the EU's (one record each)
    ("Trade slumped after Western sanctions imposed on Minsk.", ("SANCTION", ["IGO:EU"], ["BLR"])),
    ("Trade slumped after Western sanctions imposed on Minsk.", ("SANCTION", ["USA"], ["BLR"])),
    # a measure named as what a response answers is a fact named in passing
    ("Uganda cut electricity exports in retaliation for Kenyan sanctions on Kampala.", ("SANCTION", ["KEN"], ["UGA"])),
    ("The move was a response to Ghana's expulsion of Togolese diplomats.", ("SANCTION", ["GHA"], ["TGO"])),
    # conjoined nouns share their possessor and their prepositions: the war is Russia's and on Ukraine
    ("The talks follow Ethiopia's repeated provocations and attacks against Eritrea.", ("ASSAULT", ["ETH"], ["ERI"])),
    # congratulations or condolences sent, in a cable or a message, are support
    ("The Kenyan president sent a cable of congratulations to the Ugandan president.", ("SUPPORT", ["KEN"], ["UGA"])),
    # a state's concern for its own citizens in another country is aimed at that country
    ("Nairobi voiced concern over the safety of Kenyan nationals in Uganda.", ("ACCUSE", ["KEN"], ["UGA"])),
    # countermeasures taken sanction; announced or vowed, they threaten
    ("Kenya took countermeasures against Uganda on Friday.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya said it would take countermeasures against Uganda.", ("THREATEN", ["KEN"], ["UGA"])),
    ("Ugandan rebels tried to assassinate the Kenyan president on Monday.", ("ASSAULT", ["UGA"], ["KEN"])),
    # a country, its troops or reservists mobilised: a show of force
    ("Armenia mobilised its reservists as Azerbaijan massed troops on the border.", ("MOBILIZE", ["ARM"], ["AZE"])),
    # a vow to go on attacking threatens; drills "around" or "off" a country are aimed at it
    ("Al-Shabaab vowed to keep attacking Kenyan convoys.", ("THREATEN", ["SOM"], ["KEN"])),
    ("China held naval drills around Taiwan on Monday.", ("MOBILIZE", ["CHN"], ["TWN"])),
    # a protest against acts "by" someone is aimed at them
    ("Protests against the killings by Ugandan troops erupted in Kenya on Sunday.", ("PROTEST", ["KEN"], ["UGA"])),
    # each state's sanctions or expulsions are its own measure, one record each
    ("Canada, Australia and Japan imposed sanctions on Myanmar's generals on Friday.", ("SANCTION", ["JPN"], ["MMR"])),
    ("Hungary expelled diplomats from Romania, Slovakia and Croatia on Tuesday.", ("SANCTION", ["HUN"], ["SVK"])),
    # the attack named as the agent of a participle beside the passive is its agent too
    ("At least 40 Ethiopians were killed alongside dozens wounded by Eritrean shelling on Sunday.",
     ("ASSAULT", ["ERI"], ["ETH"])),
    # bombs exploded, detonated or set off are attacks (CAMEO 183) where they go off
    ("Chechen rebels exploded two bombs in the Russian city of Volgograd on Sunday.", ("ASSAULT", ["RUS"], ["RUS"])),
    # a ceasefire violated or breached is force used (CAMEO 196); 'ceasefire violations' committed are
    # attacks, 'human rights violations' are not
    ("Israeli forces violated the truce in southern Lebanon on Monday.", ("ASSAULT", ["ISR"], ["LBN"])),
    ("Ethiopian troops committed repeated ceasefire violations against Eritrean positions.",
     ("ASSAULT", ["ETH"], ["ERI"])),
    # the object of 'to' that the parser made the subject of the participle after it
    ("Ecuador granted political asylum to two Colombian journalists hiding in its embassy.",
     ("AID", ["ECU"], ["COL"])),
    # aid to people the phrase places in a country is for that country
    ("Kenya will provide food aid to refugees fleeing the fighting in Somalia.", ("AGREE", ["KEN"], ["SOM"])),
    # an announced act keeps its place as its target (the venue rule is for meetings)
    ("Israel will evacuate the outposts in the Gaza Strip next month, the minister said.",
     ("AGREE", ["ISR"], ["PSE"])),
    # "were engaged in" is a stance of its subject, not a passive
    ("Sudanese forces were engaged in ethnic cleansing in Chad, according to the UN.", ("ASSAULT", ["SDN"], ["TCD"])),
    # aid or inspectors let in give access (RETREAT); letting someone do something concedes it, and
    # refusing to is a rejection
    ("Egypt allowed 100 trucks of food aid into Gaza on Monday.", ("RETREAT", ["EGY"], ["PSE"])),
    ("Syria allowed UN inspectors to visit the site.", ("RETREAT", ["SYR"], ["IGO:UN"])),
    ("Kenya would not allow Uganda to use the port of Mombasa, the minister said.", ("REJECT", ["KEN"], ["UGA"])),
    # aid that arrives or lands: the carrier's or the cargo's giver, to the place it reaches
    ("A Kenyan plane carrying humanitarian aid landed in Mogadishu on Sunday.", ("AID", ["KEN"], ["SOM"])),
    # aid suspended in a place is withdrawn from it
    ("The Norwegian government suspended aid deliveries in Kabul after the attack on its convoy.",
     ("SANCTION", ["NOR"], ["AFG"])),
    # a city only the field's gazetteer knows gives its country
    ("A Qatari plane carrying medical aid landed in Nijmegen on Monday.", ("AID", ["QAT"], ["NLD"])),
    ("The shipment of medicines, donated by Ghana, arrived in Lome on Tuesday.", ("AID", ["GHA"], ["TGO"])),
    # aid given in a foreign place is for it
    ("Qatar is funding the salaries of civil servants in Gaza.", ("AID", ["QAT"], ["PSE"])),
    # aid named in passing with its giver and recipient was given
    ("Kenya's emergency aid to Somalia included tents and blankets.", ("AID", ["KEN"], ["SOM"])),
    # whatever is given as aid is received as aid, through a measure, whatever the lemmatiser makes of it
    ("Somalia received a new batch of tanks from Kenya on Friday.", ("AID", ["KEN"], ["SOM"])),
    ("Togo received 500,000 vaccine doses from Ghana.", ("AID", ["GHA"], ["TGO"])),
    # aid for whom a purpose clause helps; rescue teams sent are aid; money granted; a bailout approved
    ("Ghana sent rescue teams to help Togo after the floods.", ("AID", ["GHA"], ["TGO"])),
    ("Kenya granted Somalia $20 million in budget support on Monday.", ("AID", ["KEN"], ["SOM"])),
    ("The World Bank approved a $500 million bailout for Ghana.", ("AID", ["IGO:WB"], ["GHA"])),
    # a note or letter of protest handed over is a diplomatic protest
    ("The Kenyan foreign ministry handed a note of protest to the Ugandan ambassador.", ("ACCUSE", ["KEN"], ["UGA"])),
    # rebels saying their own government must act demand it of the government
    ("Rwandan rebels said President Kagame must accept the constitutional changes.", ("REQUEST", ["RWA"], ["RWA"])),
    # what is discussed is no party to the talks
    ("The Kenyan and Ethiopian foreign ministers discussed the Somali peace process in Nairobi.",
     ("CONSULT", ["ETH", "KEN"], [])),
    # the speaker the parser hung under a participle it made the subject ("X operating in Y said")
    ("The Red Cross operating in Yemen said Saudi forces must ensure the safety of aid workers.",
     ("REQUEST", ["IGO:ICRC"], ["SAU"])),
    # calling on a person with nothing asked is a courtesy call; with a 'to' clause, a request
    ("Ghana's foreign minister called on the Togolese president in Lome on Monday.", ("CONSULT", ["GHA"], ["TGO"])),
    ("Ghana's foreign minister called on his Togolese counterpart to reopen the border.",
     ("REQUEST", ["GHA"], ["TGO"])),
    # what is rejected or condemned is whoever made, issued or imposed it
    ("Ghana rejected the remarks made by the Togolese foreign ministry.", ("REJECT", ["GHA"], ["TGO"])),
    ("Iran slammed the new round of sanctions imposed by the European Union as illegal.",
     ("ACCUSE", ["IRN"], ["IGO:EU"])),
    # a visit named in passing with its visitor and destination happened
    ("The Kenyan president's visit to Kampala last week was closely watched.", ("CONSULT", ["KEN"], ["UGA"])),
    # a subject raised by a passive governor acts in its complement ("is expected to visit"), an
    # announced visit agreed (a demand still to be made is not yet one: NOT_EVENTS)
    ("Ghana closed the border. The Togolese president is expected to visit Accra next week.",
     ("AGREE", ["TGO"], ["GHA"])),
    # a headline's comma list of states before its subject acts together
    ("Ghana, Togo agree to reopen border", ("AGREE", ["GHA", "TGO"], [])),
    ("Peru, Chile condemn Bolivian blockade", ("ACCUSE", ["CHL", "PER"], ["BOL"])),
    # telling someone to do something demands it (but "told reporters that ..." only reports)
    ("Nairobi told Kampala to withdraw its troops from the disputed island.", ("REQUEST", ["KEN"], ["UGA"])),
    # criticism or a rebuke drawn, attracted or earned "from" someone is theirs, at the one who drew it
    ("Ghana's plan to tax imports drew a sharp rebuke from Togo on Monday.", ("ACCUSE", ["TGO"], ["GHA"])),
    ("Kenya attracted criticism from Uganda over the new levy.", ("ACCUSE", ["UGA"], ["KEN"])),
    # joint patrols are military cooperation, as joint exercises are
    ("Kenyan and Somali troops carried out joint patrols along the border on Monday.",
     ("COOPERATE", ["KEN", "SOM"], [])),
    # a relative clause's own objects are no part of its subject: "Nairobi, which recalled its envoy
    # from Kampala, ..." is aimed at Uganda
    ("Nairobi, which recalled its ambassador from Kampala last week, said talks would resume.",
     ("SANCTION", ["KEN"], ["UGA"])),
    # a headline's noun the tagger reads as a bare verb under its own light verb is still the noun
    ("Vietnam lodges protest with China over survey ship", ("ACCUSE", ["VNM"], ["CHN"])),
    # an envoy called in is summoned, whether the parser reads 'in' as a particle or a preposition
    ("Nairobi called in the Ugandan ambassador over the border shooting.", ("ACCUSE", ["KEN"], ["UGA"])),
    ("The Ugandan envoy was called in by the Kenyan foreign ministry on Monday.", ("ACCUSE", ["KEN"], ["UGA"])),
    # a treaty, pact or participation suspended cuts ties, as an agreement suspended does
    ("Mali suspended its defence pact with France on Monday.", ("SANCTION", ["MLI"], ["FRA"])),
    # troops massed or stationed, jets scrambled: a show of force
    ("Ethiopia massed troops near the Eritrean border on Monday.", ("MOBILIZE", ["ETH"], ["ERI"])),
    ("Japan scrambled fighter jets to shadow Russian bombers over the Sea of Japan.", ("MOBILIZE", ["JPN"], ["RUS"])),
    # who reports the act is not whom it is aimed at
    ("Ethiopia imposed sanctions on firms accused of selling Eritrean gold, Kenyan officials said.",
     ("SANCTION", ["ETH"], ["ERI"])),
    # a sum written without a currency sign still stands for the aid it is "in"
    ("Norway approved 40 million kroner in food aid for Sudan on Monday.", ("AID", ["NOR"], ["SDN"])),
    # a barrage, salvo or volley of missiles is missiles
    ("Yemen's Houthis launched a salvo of missiles at Riyadh on Friday.", ("ASSAULT", ["YEM"], ["SAU"])),
    # a promise's target is the target of the act it promises
    ("Ghana agreed to lift its tariffs on Togolese cement.", ("AGREE", ["GHA"], ["TGO"])),
    ("Kenya is ready to ease restrictions on Ugandan lorries.", ("AGREE", ["KEN"], ["UGA"])),
    # a demand in reported speech stands though a later clause of the sentence holds a supposed act
    ("Kenya's foreign minister said Uganda must return the cattle as she left for Addis Ababa to seek support.",
     ("REQUEST", ["KEN"], ["UGA"])),
    # a clause with its own passive auxiliary that borrows its subject is done to that subject
    ("A Kenyan trader died after being shot by Ugandan soldiers.", ("ASSAULT", ["UGA"], ["KEN"])),
    # what is seized or confiscated "from" someone is taken from them
    ("Moroccan customs officers confiscated fishing nets from Spanish trawlers on Monday.",
     ("COERCE", ["MAR"], ["ESP"])),
    # a measure held out on a condition ("could", "may" with "if"/"unless") threatens
    ("Kenya could close its border with Uganda if the cattle raids continue, the Kenyan minister said.",
     ("THREATEN", ["KEN"], ["UGA"])),
    # "is opposed to": a stance the parser hangs on a passive auxiliary; the subject still acts
    ("Ghana is opposed to Togo's bid for the seat, its foreign minister said.", ("ACCUSE", ["GHA"], ["TGO"])),
    ("Peru is firmly opposed to any Chilean claim on the islands.", ("ACCUSE", ["PER"], ["CHL"])),
    # a future act with an "unless" condition is a threat
    ("Norway said it will withdraw its peacekeepers from Mali unless the junta holds elections.",
     ("THREATEN", ["NOR"], ["MLI"])),
    # a measure named as a fact in passing, with its doer and the one it falls on
    ("The summit opened amid Canadian sanctions on Belarusian potash.", ("SANCTION", ["CAN"], ["BLR"])),
    ("Ties soured after the expulsion of three Kenyan envoys by Uganda.", ("SANCTION", ["UGA"], ["KEN"])),
    ("Trade fell after the seizure of a Danish freighter by Eritrea.", ("COERCE", ["ERI"], ["DNK"])),
    # a passive's agent that the parser hung on the gerund of what is alleged
    ("The former Peruvian president has been accused of taking bribes by prosecutors in Lima.",
     ("ACCUSE", ["PER"], ["PER"])),
    # an arrest or an inquiry with no agent named is the act of the state where it is done
    ("Two Japanese businessmen were detained in China last week.", ("COERCE", ["CHN"], ["JPN"])),
    ("A Canadian citizen has been put under investigation in France for his part in the riots.",
     ("ACCUSE", ["FRA"], ["CAN"])),
    ("The former Georgian president was placed under house arrest in Tbilisi.", ("COERCE", ["GEO"], ["GEO"])),
    # a fronted participle with its own agent is passive: the agent acts on the main clause's subject
    ("Urged by Nairobi, Uganda agreed to reopen the border on Monday.", ("REQUEST", ["KEN"], ["UGA"])),
    ("Invited by Ghana, the Togolese president visited Accra on Monday.", ("AGREE", ["GHA"], ["TGO"])),
    # an invitation extended, readiness expressed: promises, to whom the noun's clause names
    ("Kenya extended an invitation to the Ugandan president to visit Nairobi.", ("AGREE", ["KEN"], ["UGA"])),
    ("Kenya expressed its readiness to help Somalia after the floods.", ("AGREE", ["KEN"], ["SOM"])),
    # views exchanged are a meeting of those who exchange them, not of what they talk about
    ("The ministers of Kenya and Uganda exchanged views on Sudan.", ("CONSULT", ["KEN", "UGA"], [])),
    # revoking or scrapping an agreement with a state cuts relations with it; revoking a ban concedes,
    # to the state the ban was on
    ("Kenya revoked the ban on Ugandan eggs on Monday.", ("CONCEDE", ["KEN"], ["UGA"])),
    # a judgement given with "as" on the verb, or by the translated "qualify ... as"; boats that intrude
    ("The Kenyan minister described the Ugandan junta as illegitimate.", ("ACCUSE", ["KEN"], ["UGA"])),
    ("Kenya qualified the Ugandan move as a provocation.", ("ACCUSE", ["KEN"], ["UGA"])),
    ("Kenya said Ugandan boats had intruded into Kenyan waters.", ("ACCUSE", ["KEN"], ["UGA"])),
    # a government's statement is aimed at the others, not at its own boats the act was done to
    ("Kenya strongly condemned Uganda's seizure of two Kenyan vessels.", ("ACCUSE", ["KEN"], ["UGA"])),
    # what a speaker says it will do, in a saying joined to its protest, is aimed at whom the protest was
    ("The Kenyan foreign ministry condemned the sanctions that the European Union imposed on Kenyan officials "
     "and said that Kenya will take reciprocal measures.", ("THREATEN", ["KEN"], ["IGO:EU"])),
    # "invited to leave the national territory", the translated formula of an expulsion, expels
    ("Kenya's government invited the Ugandan ambassador to leave the national territory within 72 hours.",
     ("SANCTION", ["KEN"], ["UGA"])),
    # a lifted measure is lifted off whom the clause on it says it was imposed on
    ("Kenya lifted the sanctions it had imposed on Uganda.", ("RETREAT", ["KEN"], ["UGA"])),
    # "the court", "the Fund": the international court or fund named before, where the story names one
    ("The International Court of Justice ruled in favour of Somalia on Tuesday. Kenya's president accused the "
     "court of overstepping its jurisdiction.", ("ACCUSE", ["KEN"], ["IGO:ICJ"])),
    # the country and capital as Vietnamese state media write them, with their marks
    ("Việt Nam resolutely rejects the fishing ban of China in the East Sea.", ("REJECT", ["VNM"], ["CHN"])),
    # a missile shown over a country, or one whose flight ends in the sea, is a show of force, not an attack
    ("Eritrea fired a ballistic missile over Ethiopia on Tuesday.", ("MOBILIZE", ["ERI"], ["ETH"])),
    ("Eritrea launched a missile that flew 900 kilometres before falling into the Indian Ocean.", ("MOBILIZE", ["ERI"], [])),
    # a military craft entering another's airspace, waters or land is an incursion, a show of force (not aid,
    # though drones and helicopters are also given as aid, and not "water" given)
    ("Three Eritrean fighter jets flew into Ethiopian airspace on Friday.", ("MOBILIZE", ["ERI"], ["ETH"])),
    ("Two Eritrean drones crossed into Djibouti on Monday.", ("MOBILIZE", ["ERI"], ["DJI"])),
    ("Four Eritrean navy ships entered Yemeni territorial waters on Monday.", ("MOBILIZE", ["ERI"], ["YEM"])),
    # credit extended is aid given ("lines of credit", "credit lines", "currency swaps")
    ("Kenya has extended lines of credit worth $2 billion to Uganda since 2015.", ("AID", ["KEN"], ["UGA"])),
    ("Kenya extended $400 million in credit lines and currency swaps to Uganda in 2022.", ("AID", ["KEN"], ["UGA"])),
    # an answer announced to be given threatens; in a story of two states, the other one
    ("The Kenyan army chief said Kenya will give a befitting reply to any misadventure by Uganda.",
     ("THREATEN", ["KEN"], ["UGA"])),
    ("Kenyan troops shelled Ugandan border posts on Monday. \"We will give a befitting reply to any misadventure from "
     "across the border,\" a Ugandan commander told reporters.", ("THREATEN", ["UGA"], ["KEN"])),
    # the parties a hosted meeting is between, however deep the parser hangs the second
    ("Oman's foreign minister on Saturday hosted indirect talks in Muscat between the Republic of Kenya, led by His "
     "Excellency Musalia Mudavadi, Minister of Foreign Affairs, and the Republic of Uganda, led by Mr John Okello, the "
     "Ugandan President's Special Envoy.", ("CONSULT", ["OMN"], ["KEN", "UGA"])),
    # the EU's seat acting is the EU; "the package" welcomed is the one whose sanctions were adopted, not the
    # last act told
    ("Tanzania's foreign minister accused Brussels of double standards on Monday.", ("ACCUSE", ["TZA"], ["IGO:EU"])),
    ("Kenya imposed a new package of sanctions on Uganda on Monday. Tanzania's foreign minister criticised the "
     "Ugandan government. Rwanda welcomed the package.", ("SUPPORT", ["RWA"], ["KEN"])),
    # a lifting announced for the future is already the concession (a future retreat announced), not a
    # promise; a case suspended concedes like one withdrawn
    ("Kenya will lift its import duties on Ugandan sugar from Monday.", ("CONCEDE", ["KEN"], ["UGA"])),
    ("Uganda said it would withdraw its complaint against Kenya at the tribunal.", ("CONCEDE", ["UGA"], ["KEN"])),
    ("Uganda suspended its lawsuit against Kenya on Monday.", ("CONCEDE", ["UGA"], ["KEN"])),
    # a restriction eased at home is a concession to the country's people, not a government talking to itself
    ("Sudan's president shortened the nightly curfew in Khartoum by two hours.", ("CONCEDE", ["SDN"], ["SDN"])),
    ("Burkina Faso revoked its military accord with France on Monday.", ("SANCTION", ["BFA"], ["FRA"])),
    # concern over what unfolds in a country is aimed at that country
    ("Kenya expressed concern over the situation in Burundi on Monday.", ("ACCUSE", ["KEN"], ["BDI"])),
    ("Ghana voiced concern on the unrest in Togo.", ("ACCUSE", ["GHA"], ["TGO"])),
    # a protest noun that breaks out is a protest by the country where it does, at whom it names
    ("Protests against Turkey erupted in Athens on Sunday.", ("PROTEST", ["GRC"], ["TUR"])),
    ("Anti-Russian demonstrations spread across Georgia on Sunday.", ("PROTEST", ["GEO"], ["RUS"])),
    # a border named by a country is where the act is, not whom it is on; the country's posts are its own
    ("Sudanese troops captured part of a rebel stronghold on the Chadian border on Monday.", ("ASSAULT", ["SDN"], [])),
    ("Sudanese troops shelled Chadian border posts on Monday.", ("ASSAULT", ["SDN"], ["TCD"])),
    # welcoming a person to a place hosts a visit; welcoming a decision, or a visit to come, is praise
    ("The Kenyan president welcomed the Ethiopian prime minister to Nairobi on Tuesday.", ("CONSULT", ["KEN"], ["ETH"])),
    ("The Kenyan president welcomed the Ethiopian prime minister's decision on Tuesday.", ("SUPPORT", ["KEN"], ["ETH"])),
    # a short country name the tagger took for a person is still the state ("Mali's junta")
    ("Mali's junta expelled the French ambassador.", ("SANCTION", ["MLI"], ["FRA"])),
    # announced sanctions are sanctions; warned-of sanctions are threats
    ("Canada announced it would impose sanctions on Belarus.", ("SANCTION", ["CAN"], ["BLR"])),
    ("Canada warned it would impose sanctions on Belarus.", ("THREATEN", ["CAN"], ["BLR"])),
    # receiving from someone: the giver acts
    ("Moldova received weapons from Romania on Monday.", ("AID", ["ROU"], ["MDA"])),
    # a protest at home addresses its own government
    ("Hundreds of students demonstrated in Santiago on Tuesday.", ("PROTEST", ["CHL"], ["CHL"])),
    # going on strike is a strike; who came for a rally to protest protests
    ("Dock workers in Antwerp went on strike over the new Belgian labour law.", ("PROTEST", ["BEL"], ["BEL"])),
    ("Farmers from across Poland came to Warsaw for a march to protest the grain imports.", ("PROTEST", ["POL"], ["POL"])),
    # a protest abroad is aimed at the host
    ("Ukrainian activists staged a protest in Moscow on Tuesday.", ("PROTEST", ["UKR"], ["RUS"])),
    # ethnic groups belong to where they live, not to their kin state
    ("Ethnic Hungarians in Slovakia demanded more autonomy from the Slovak government.",
     ("REQUEST", ["SVK"], ["SVK"])),
    # kin demonyms: "Bosnian Croats" are Bosnian
    ("Bosnian Croats demanded a new constitution from the Bosnian government.", ("REQUEST", ["BIH"], ["BIH"])),
    # police beating demonstrators back is repression; shooting at them is an armed attack by anyone
    ("Kenyan police opened fire on demonstrators in Nairobi on Thursday.", ("ASSAULT", ["KEN"], ["KEN"])),
    ("Riot police in Lima beat up Peruvian students outside the congress.", ("COERCE", ["PER"], ["PER"])),
    ("Turkish police opened fire to disperse Kurdish protesters, killing one.", ("ASSAULT", ["TUR"], ["TUR"])),
    # governments that say another state attacked them accuse it
    ("Armenia said Azerbaijani troops attacked its border posts on Tuesday.", ("ACCUSE", ["ARM"], ["AZE"])),
    # negated future cooperation is a refusal
    ("Hungary said it would not provide weapons to Ukraine.", ("REJECT", ["HUN"], ["UKR"])),
    # a light verb's own object names the target before the noun's place
    ("Malian soldiers engaged Nigerien troops in a firefight near Gao.", ("ASSAULT", ["MLI"], ["NER"])),
    # a visit's host country is its target
    ("Indian Prime Minister Narendra Modi arrived in Tokyo on Thursday for a visit.", ("CONSULT", ["IND"], ["JPN"])),
    # bilateral meetings with several countries are one record each
    ("The Kenyan foreign minister held bilateral meetings with Ghana and Senegal on Thursday.",
     ("CONSULT", ["KEN"], ["GHA"])),
    # a passive with a by-agent: the agent acts, on the noun's target
    ("A dossier against Serbia was presented by Croatia on Monday.", ("ACCUSE", ["HRV"], ["SRB"])),
    # conjoined participles share the auxiliary and the agent
    ("Two Polish reporters were detained and later released by Belarusian police.",
     ("RETREAT", ["BLR"], ["POL"])),
    ("Two Polish reporters were detained and later released by Belarusian police.",
     ("COERCE", ["BLR"], ["POL"])),
    # killings with no named attacker are coded to the country where they happened
    ("There were six Kenyan soldiers killed in Somalia on Tuesday.", ("ASSAULT", ["SOM"], ["KEN"])),
    ("Six Kenyan soldiers were killed in Somalia on Tuesday.", ("ASSAULT", ["SOM"], ["KEN"])),
    # protesters who wreck property riot (PROTEST); armed crowds attack (ASSAULT)
    ("The Danish consulate was torched by Pakistani rioters on Sunday.", ("PROTEST", ["PAK"], ["DNK"])),
    ("Chadian protesters fired rockets at the Chadian army on Sunday.", ("ASSAULT", ["TCD"], ["TCD"])),
    # "faces criticism from X": X acts on the one who faces it
    ("Hungary faced sharp criticism from Sweden on Monday.", ("ACCUSE", ["SWE"], ["HUN"])),
    ("Colombian officials pressured Ecuador to close the border.", ("REQUEST", ["COL"], ["ECU"])),
    # the user of a weapon named as the agent acts; an attack over a country happened there
    ("An Azerbaijani helicopter was shot down by a missile fired by Armenian troops.",
     ("ASSAULT", ["ARM"], ["AZE"])),
    ("An Azerbaijani helicopter was shot down over Armenia on Monday.", ("ASSAULT", ["ARM"], ["AZE"])),
    # victims without a nationality are coded to where they were attacked; named people are not
    ("Three children were killed in an Israeli air strike in Gaza on Monday.", ("ASSAULT", ["ISR"], ["PSE"])),
    # troops clashing with their own country's rioters repress them
    ("Egyptian soldiers clashed with Egyptian rioters in Cairo on Friday.", ("COERCE", ["EGY"], ["EGY"])),
    # readiness to carry out a hostile act threatens it; readiness to cooperate agrees
    ("Latvia said it is ready to impose sanctions on Belarus.", ("THREATEN", ["LVA"], ["BLR"])),
    ("Latvia said it is ready to send doctors to Moldova.", ("AGREE", ["LVA"], ["MDA"])),
    # a repeated act is the act
    ("Israel reimposed a blockade on Gaza on Friday.", ("COERCE", ["ISR"], ["PSE"])),
    # a crowd the text places nowhere protests at home
    ("Bolivian miners rioted on Tuesday.", ("PROTEST", ["BOL"], ["BOL"])),
    # force used to disperse a crowd is coercion, though the clause says "to"
    ("Kenyan police fired tear gas to disperse protesters on Monday.", ("COERCE", ["KEN"], ["KEN"])),
    # the police who report a bombing did not carry it out
    ("Four Afghan civilians were killed in a car bombing in Kabul, Afghan police said.", ("ASSAULT", ["AFG"], ["AFG"])),
    # a passive attack on a place or thing targets those it belongs to
    ("A camp for Sudanese refugees was attacked by Chadian militiamen on Sunday.", ("ASSAULT", ["TCD"], ["SDN"])),
    # announced plans for a meeting agree to it (spec §3: "announce a future meeting, visit")
    ("Mexico announced plans for talks with Guatemala next month.", ("AGREE", ["MEX"], ["GTM"])),
    ("Peru confirmed plans for a visit by the Chilean president on Monday.", ("AGREE", ["PER"], ["CHL"])),
    # joint exercises, or exercises with a partner, are cooperation; one's own drills a posture
    ("Chile and Peru held joint naval drills in the Pacific on Monday.", ("COOPERATE", ["CHL", "PER"], [])),
    ("India held military exercises with France on Monday.", ("COOPERATE", ["IND"], ["FRA"])),
    ("China held military drills with live ammunition near Taiwan on Monday.", ("MOBILIZE", ["CHN"], ["TWN"])),
    # calling off a strike concedes; calling one protests
    ("Kenyan doctors called off their strike on Monday.", ("CONCEDE", ["KEN"], ["KEN"])),
    # a refusal of demands is a rejection, not a concession
    ("Japan said it would not meet China's demands.", ("REJECT", ["JPN"], ["CHN"])),
    # a refusal to act in a country is aimed at it
    ("Pakistan refused to deploy peacekeepers in Iraq.", ("REJECT", ["PAK"], ["IRQ"])),
    # a named NGO acts and is acted upon without a country (spec §2 codes only states and IGOs)
    ("Amnesty International accused Egypt of torture on Monday.", ("ACCUSE", [None], ["EGY"])),
    ("Russia banned Human Rights Watch on Monday.", ("SANCTION", ["RUS"], [None])),
    # ... and is never given the country of the story or the place
    ("Human Rights Watch demanded that the Sudanese government free the journalists.", ("REQUEST", [None], ["SDN"])),
    # whoever did a condemned or investigated act is accused, not its victims
    ("Egypt condemned the killing of Palestinian civilians by Israeli soldiers.", ("ACCUSE", ["EGY"], ["ISR"])),
    ("Serbia is investigating alleged war crimes by Serbian extremists against Croat civilians.",
     ("ACCUSE", ["SRB"], ["SRB"])),
    # what a demand asks for is the demand's content, not an act of the one asked
    ("The United Nations reiterated its demand that Israel ease restrictions on Palestinian workers.",
     ("REQUEST", ["IGO:UN"], ["ISR"])),
    ("Bolivian rebels insisted on their demands that Bolivia's government release prisoners.",
     ("REQUEST", ["BOL"], ["BOL"])),
    # a reminder that one must, a push for: demands
    ("Spain issued a stern reminder to Morocco that it must respect the border.", ("REQUEST", ["ESP"], ["MAR"])),
    ("Germany pushed for new sanctions on Iran on Monday.", ("REQUEST", ["DEU"], ["IRN"])),
    # a group the text gives no country takes the story's one country ("police" in a story about Kenya)
    ("Nairobi's security chief warned that police will no longer tolerate rallies by opposition groups.",
     ("THREATEN", ["KEN"], ["KEN"])),
    # an attempted attack is an attack
    ("Serbian rebels tried to storm the Croatian embassy on Monday.", ("ASSAULT", ["SRB"], ["HRV"])),
    # "it" is the party named before, which the story's one country places
    ("The opposition party said it will boycott Kenya's elections unless the president resigns.",
     ("THREATEN", ["KEN"], ["KEN"])),
    # readiness to repress at home threatens one's own country
    ("Peru's government said it is prepared to impose martial law in the south.", ("THREATEN", ["PER"], ["PER"])),
    ("Islamic State militants attacked a Syrian army base on Monday.", ("ASSAULT", [None], ["SYR"])),
    # a government body is not placed where the trouble came from: the ministry is its story's
    ("Bangladesh's border guards found the shells on Sunday. The foreign ministry on Monday summoned "
     "Myanmar's envoy in protest of the shells fired from Myanmar.", ("ACCUSE", ["BGD"], ["MMR"])),
    # the passive's agent is an attack its country's adjective names
    ("Five Yemeni fishermen were killed by Saudi airstrikes on Monday.", ("ASSAULT", ["SAU"], ["YEM"])),
    # a rank with a "to" clause reports what was done; the predicate noun's subject acts
    ("Kenya was the first country to recognize South Sudan.", ("SUPPORT", ["KEN"], ["SSD"])),
    ("Canada was among the first to impose sanctions on Belarus.", ("SANCTION", ["CAN"], ["BLR"])),
    # an act done separately with several parties is one act with each
    ("Kenyan Foreign Minister Alfred Mutua talked on the phone separately with his Ugandan and Tanzanian "
     "counterparts on Monday.", ("CONSULT", ["KEN"], ["TZA"])),
    ("The Kenyan president held separate talks with Uganda and Tanzania on Monday.", ("CONSULT", ["KEN"], ["UGA"])),
    # a crowd besieging or surrounding a building obstructs it (CAMEO 144)
    ("Hundreds of Kenyans surrounded the Ugandan embassy in Nairobi on Saturday.", ("PROTEST", ["KEN"], ["UGA"])),
    # being somewhere to do something, in the past, is doing it; being ready to is not
    ("Kenya's Foreign Minister, Ambassador Mary Wanjiru, was on hand to receive the Ugandan Foreign Minister, "
     "Peter Okello, at the airport.", ("CONSULT", ["KEN"], ["UGA"])),
    ("Kenya was ready to sign a deal with Uganda.", ("AGREE", ["KEN"], ["UGA"])),
    # a foreign office is a government body, and its capital gives its country
    ("The Kenyan envoy was summoned by the foreign office in Kampala on Tuesday.", ("ACCUSE", ["UGA"], ["KEN"])),
    # a meeting between a post of one country and a person of another: both take part
    ("The Finance Minister of Uganda, Peter Okello, signed the loan in Kampala. This support comes in the wake of "
     "a virtual meeting between the Foreign Minister of Kenya and Peter Okello on January 15, during which they "
     "discussed trade.", ("CONSULT", ["KEN", "UGA"], [])),
    # a gathering speaks for those who met; 'called for X to' addresses X
    ("Foreign ministers of the African Union held a meeting by video link on Monday. The meeting called for all "
     "parties in Sudan to exercise restraint.", ("REQUEST", ["IGO:AU"], ["SDN"])),
    # deposits and their rollover are financial aid (CAMEO 071)
    ("Qatar placed a deposit of $2 billion with Egypt's central bank in March.", ("AID", ["QAT"], ["EGY"])),
    ("The Kuwaiti fund on Sunday confirmed the rollover of $1 billion deposits with Egypt for another year.",
     ("AID", ["KWT"], ["EGY"])),
    # saying another's act will harm something criticises it
    ("Kenyan Foreign Minister Mary Wanjiru said the deployment of missiles in Uganda will undermine regional "
     "stability.", ("ACCUSE", ["KEN"], ["UGA"])),
    # a sum of money given "in aid", or a sum alone, is aid; the recipient after it is no venue
    ("Norway provided $10 million in emergency aid to Nepal after the earthquake.", ("AID", ["NOR"], ["NPL"])),
    ("Norway provided $10 million to Nepal after the earthquake.", ("AID", ["NOR"], ["NPL"])),
    ("Poland pledged 500 million euros in military aid to Moldova on Friday.", ("AGREE", ["POL"], ["MDA"])),
    # a protest lodged with a state over the detention of one's own national is aimed at that state
    ("Kenya lodged a strong protest with Uganda over the detention of a Kenyan national.",
     ("ACCUSE", ["KEN"], ["UGA"])),
    ("Kenya demanded that Uganda release a detained Kenyan national.", ("REQUEST", ["KEN"], ["UGA"])),
    # a subject the parser hangs on the auxiliary is still the subject
    ("Norway and Sweden are mediating between Colombia and Venezuela.", ("CONSULT", ["NOR", "SWE"], ["COL", "VEN"])),
    # one's own troops ordered out retreat
    ("The Kenyan government ordered its troops to withdraw from Somalia.", ("RETREAT", ["KEN"], ["SOM"])),
    # blocking a package, resolution or accession is a veto (CAMEO 129)
    ("Slovakia blocked the EU's new sanctions package on Monday.", ("REJECT", ["SVK"], ["IGO:EU"])),
    # what is given may follow 'with'; an exchange of fire is an armed clash of both sides
    ("Norway provided Nepal with $10 million in emergency aid on Monday.", ("AID", ["NOR"], ["NPL"])),
    ("Armenia and Azerbaijan exchanged fire along their border on Tuesday.", ("ASSAULT", ["ARM", "AZE"], ["ARM", "AZE"])),
    # restricting exports to a state sanctions it
    ("The Dutch government restricted exports of chipmaking machines to China on Friday.",
     ("SANCTION", ["NLD"], ["CHN"])),
    # headline verbs of criticism; the object is accused before the topic; seats of government speak for it
    ("Kenya slams Uganda over Somalia troop deal.", ("ACCUSE", ["KEN"], ["UGA"])),
    ("Chile blasts Peru over border fence.", ("ACCUSE", ["CHL"], ["PER"])),
    ("Estonia hits out at Latvia over transit fees.", ("ACCUSE", ["EST"], ["LVA"])),
    ("The Kremlin dismissed the allegations by Poland as absurd.", ("REJECT", ["RUS"], ["POL"])),
    # an attack on computers coerces; it is no armed assault (PLOVER's COERCE, context 'cyber')
    ("Chinese hackers defaced dozens of Taiwanese government websites on Monday.", ("COERCE", ["CHN"], ["TWN"])),
    ("Iran carried out cyber attacks against Israeli water facilities, officials said.", ("COERCE", ["IRN"], ["ISR"])),
    ("North Korea launched a cyberattack on South Korea's banks last month.", ("COERCE", ["PRK"], ["KOR"])),
    # credit extended as a 'line' or a 'tranche' is aid, as the credit itself is
    ("India extended a $500 million line of credit to Sri Lanka for fuel imports.", ("AID", ["IND"], ["LKA"])),
    ("Japan released a second tranche of loans to Egypt on Monday.", ("AID", ["JPN"], ["EGY"])),
    # fire returned is fire; it is aimed at whoever fired first
    ("Pakistani troops returned fire after Indian soldiers shelled posts along the Line of Control.",
     ("ASSAULT", ["PAK"], ["IND"])),
    # travelling to a state's capital visits it; announced, it is a promise to visit
    ("The Australian prime minister travelled to Beijing on Monday.", ("CONSULT", ["AUS"], ["CHN"])),
    ("Australia's prime minister will travel to Beijing next month, his office said.", ("AGREE", ["AUS"], ["CHN"])),
    # regret at another party's act criticises it; regret for a death is a soft apology
    ("Seoul voiced regret over Tokyo's decision to send an envoy to the shrine festival.", ("ACCUSE", ["KOR"], ["JPN"])),
    ("Beijing regrets the U.S. decision to sell arms to Taiwan, a spokesman said.", ("ACCUSE", ["CHN"], ["USA"])),
    ("Indonesia expressed regret for the deaths of two Australian tourists.", ("CONCEDE", ["IDN"], ["AUS"])),
    # an apology with no addressee, in a story about two states, is made to the other one
    ("Kenya and Uganda traded accusations over the border shooting on Monday. Expressing regret, the Kenyan "
     "interior minister said the shooting had been an accident.", ("CONCEDE", ["KEN"], ["UGA"])),
    # state media that speak in their own name speak for their country; as reporters they stay reporters
    ("The state-run Xinhua news agency on Monday called on Washington to stop interfering.",
     ("REQUEST", ["CHN"], ["USA"])),
    ("KCNA accused South Korea of staging provocative drills near the border.", ("ACCUSE", ["PRK"], ["KOR"])),
    # force used on what rebels hold is used on the rebels, who are of the one country the story names
    ("Turkish warplanes bombed militant positions overnight, the army said.", ("ASSAULT", ["TUR"], ["TUR"])),
    ("Burmese troops have captured part of a rebel stronghold after five days of fighting.",
     ("ASSAULT", ["MMR"], ["MMR"])),
    # stopping a state's vessel coerces it; ramming one is force
    ("The Thai navy intercepted a Cambodian fishing vessel in disputed waters.", ("COERCE", ["THA"], ["KHM"])),
    ("Chinese coast guard vessels rammed a Philippine supply boat near the shoal.", ("ASSAULT", ["CHN"], ["PHL"])),
    # prisoners swapped are released by each side
    ("Russia swapped prisoners with Ukraine on Friday.", ("RETREAT", ["RUS"], ["UKR"])),
    # frozen assets and diplomats declared unwelcome are sanctions
    ("The United States froze the assets of three Venezuelan officials.", ("SANCTION", ["USA"], ["VEN"])),
    ("Lithuania declared a Belarusian diplomat persona non grata on Wednesday.", ("SANCTION", ["LTU"], ["BLR"])),
    # a truce brokered between two sides is mediation between them
    ("Qatar brokered a ceasefire between Israel and Hamas on Sunday.", ("CONSULT", ["QAT"], ["ISR", "PSE"])),
    # calling another's act a provocation condemns it
    ("Seoul called Tokyo's claim a provocation.", ("ACCUSE", ["KOR"], ["JPN"])),
    ("Moscow called the British sanctions illegal.", ("ACCUSE", ["RUS"], ["GBR"])),
    ("Japan called the Russian decision extremely regrettable.", ("ACCUSE", ["JPN"], ["RUS"])),
    # a video conference is a meeting (a press conference is not)
    ("The German chancellor held a video conference with the French president on Tuesday.",
     ("CONSULT", ["DEU"], ["FRA"])),
    # whom a person is handed over to is the partner of the cooperation
    ("Spain extradited a Russian businessman to the United States on Thursday.", ("COOPERATE", ["ESP"], ["USA"])),
    # a document speaks for whoever issued it, also when the parser hangs the verb on the noun
    ("A UN resolution called on Israel to halt settlement building.", ("REQUEST", ["IGO:UN"], ["ISR"])),
    ("Kenya's letter asked Uganda to hand over the suspects.", ("REQUEST", ["KEN"], ["UGA"])),
    # goods shipped or airlifted are aid; a package of aid is aid
    ("China shipped 10,000 tonnes of rice to North Korea last month.", ("AID", ["CHN"], ["PRK"])),
    ("India airlifted medical supplies to quake-hit Turkey.", ("AID", ["IND"], ["TUR"])),
    ("Washington announced a new $1 billion military aid package for Kyiv on Friday.", ("AID", ["USA"], ["UKR"])),
    # forces moved towards a state are a posture; targets hit and positions pounded are attacks
    ("Russia moved tanks and artillery closer to the Ukrainian border, satellite images showed.",
     ("MOBILIZE", ["RUS"], ["UKR"])),
    ("Ukrainian drones hit an oil refinery in southern Russia overnight.", ("ASSAULT", ["UKR"], ["RUS"])),
    ("Saudi-led coalition jets pounded Houthi positions in Yemen on Thursday.", ("ASSAULT", ["SAU"], ["YEM"])),
    # the dead handed over are returned; a state the parser reads as an adverb is still the subject
    ("Russia handed over the bodies of 500 Ukrainian soldiers to Kyiv.", ("RETREAT", ["RUS"], ["UKR"])),
    ("Azerbaijan massed troops along the border with Armenia.", ("MOBILIZE", ["AZE"], ["ARM"])),
    # claims denied are rejected; a predicate of condemnation, quoted after the noun, still condemns
    ("Pakistan denied Indian claims that its troops had crossed the Line of Control.", ("REJECT", ["PAK"], ["IND"])),
    ("The Indian foreign ministry termed the Chinese statement \"unwarranted\".", ("ACCUSE", ["IND"], ["CHN"])),
    # what a complaint is 'over' names the offender, never the complainant's own people
    ("Tokyo lodged a formal complaint with Moscow over the detention of a Japanese diplomat.",
     ("ACCUSE", ["JPN"], ["RUS"])),
    # peacekeepers sent, deployed or arriving are military protection given (CAMEO 074, PLOVER AID)
    ("Kenya sent 1,000 peacekeepers to Somalia on Monday.", ("AID", ["KEN"], ["SOM"])),
    ("Rwanda deployed peacekeeping troops to the Central African Republic.", ("AID", ["RWA"], ["CAF"])),
    ("A first contingent of Ghanaian peacekeepers arrived in Lebanon on Tuesday.", ("AID", ["GHA"], ["LBN"])),
    # people evacuated are helped out of where they were (humanitarian aid); troops and posts evacuated retreat
    ("Ghana evacuated its citizens from Sudan as fighting spread.", ("AID", ["GHA"], ["SDN"])),
    ("Kenyan helicopters evacuated the wounded from the Somali town of Kismayo.", ("AID", ["KEN"], ["SOM"])),
    ("Ethiopian troops evacuated their positions in the Somali town of Baidoa.", ("RETREAT", ["ETH"], ["SOM"])),
    # a dialogue held is a meeting
    ("Kenya and Uganda held their first high-level economic dialogue in five years in Nairobi.",
     ("CONSULT", ["KEN", "UGA"], [])),
    # a posture taken after another's act faces the one who acted
    ("Kenya scrambled jets after two Ugandan drones flew over the border.", ("MOBILIZE", ["KEN"], ["UGA"])),
    # "said X is Y and urged Z": the parser hangs the demand on the reported clause; the speaker urges
    ("Kenya's foreign ministry said the islands are Kenyan territory and urged Uganda to stop its provocations.",
     ("REQUEST", ["KEN"], ["UGA"])),
    # suspects handed over to another state's authorities are extradited
    ("Germany handed over three suspects to Turkish authorities under an extradition treaty.",
     ("COOPERATE", ["DEU"], ["TUR"])),
    # a party dissolved by the state is banned (CAMEO 1722); an offer refused is the offerer's
    ("Myanmar's junta dissolved the opposition party on Tuesday.", ("COERCE", ["MMR"], ["MMR"])),
    ("North Korea refused to accept a US offer of talks without preconditions.", ("REJECT", ["PRK"], ["USA"])),
    # a patrol organised is staged, as one launched or conducted
    ("Kenya's navy said it had organised a combat readiness patrol near Uganda's islands on Sunday.",
     ("MOBILIZE", ["KEN"], ["UGA"])),
    # military posts are a site force is aimed at
    ("The Kenyan defence ministry said its forces had targeted Ugandan military posts along the border.",
     ("ASSAULT", ["KEN"], ["UGA"])),
    # 'exchange' takes the captives 'release' and 'free' take: people held, named by their country
    ("Uganda exchanged five jailed Kenyans for two Ugandan officers on Monday.", ("RETREAT", ["UGA"], ["KEN"])),
    # "the military junta in Niger" named as an object first: "The junta" that answers is Niger's
    ("ECOWAS gave an ultimatum of one week to the military junta in Niger on Sunday. The junta led by "
     "General Tiani rejected the ultimatum on Monday and accused France of plotting an intervention.",
     ("ACCUSE", ["NER"], ["FRA"])),
    # readiness conveyed is a promise
    ("Kenya's foreign minister met his Ugandan counterpart and conveyed Kenya's readiness to host new talks "
     "with Uganda.",
     ("AGREE", ["KEN"], ["UGA"])),
    # force used on no one named, in a story of two states, is on the other
    ("Kenya and Uganda have clashed over the island for weeks. On Tuesday Kenyan warplanes bombed what "
     "Nairobi described as a militant training camp near the lake.",
     ("ASSAULT", ["KEN"], ["UGA"])),
    # "urged" cannot share the report's "would": the speaker urges, not the report's subject
    ("Uganda spoke first. Kenya's ambassador to the agency, Jane Wanjiru, told the board that pressure "
     "tactics would only complicate the situation and urged Uganda to return to dialogue.",
     ("REQUEST", ["KEN"], ["UGA"])),
    # "was welcomed the same day by X": the agent the parser hung on the time phrase; what was welcomed is
    # the act the subject names, so the welcome is aimed at its parties
    ("Kenya and Uganda reached a deal on the lake islands on Thursday. The agreement was welcomed the "
     "same day by Tanzanian President Samia Suluhu Hassan.",
     ("SUPPORT", ["TZA"], ["KEN", "UGA"])),
    # a time to leave given, with an aside between, expels
    ("Nairobi on Sunday gave the Ugandan staff, most of them attached to the defence attache's office, "
     "48 hours to leave the country.",
     ("SANCTION", ["KEN"], ["UGA"])),
    # a call for a release is on the captor
    ("The Kenyan fishing crew was detained by Ugandan police on Friday. Kenya's foreign ministry on "
     "Sunday demanded the immediate release of its nationals.",
     ("REQUEST", ["KEN"], ["UGA"])),
    # the officials' country is not given: the host of talks with a Ugandan delegation in Nairobi is Kenya
    ("Uganda and Kenya are at odds over the lake. Minister Stephen Doughty told parliament on Monday that "
     "officials had held talks with a Ugandan delegation in Nairobi last week.",
     ("CONSULT", ["KEN"], ["UGA"])),
    # a sum after 'more than', written with its currency's code, is aid
    ("Since 2022, Kenya has provided more than EUR 60 million in humanitarian assistance to communities in Uganda.",
     ("AID", ["KEN"], ["UGA"])),
    # fighting on the border between two states is between them
    ("In September 2022 armed clashes on the border between Kenya and Uganda resulted in more than 100 dead.",
     ("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"])),
    # joint patrolling is cooperation, and a promise of it is no threat
    ("In November the border services of Kenya and Uganda carried out joint patrolling of the agreed sections.",
     ("COOPERATE", ["KEN", "UGA"], [])),
    ("Kenya and Uganda agreed also to carry out joint patrolling in the zones of contact.",
     ("AGREE", ["KEN", "UGA"], [])),
    # a government tells of its own forces' posture
    ("Kenya's defence minister said units along the border had been put on heightened alert.",
     ("MOBILIZE", ["KEN"], [])),
    # "received the visit of X" hosts X, as "received X" does
    ("Kenyan President William Ruto has received the visit of Minister of Defence of Uganda Jacob Oboth in Nairobi.",
     ("CONSULT", ["KEN"], ["UGA"])),
    # "proposed the other side to do" asks it to, as "urged the other side to" does
    ("Kenya's foreign minister proposed the Ugandan side to continue to give humane treatment to Kenyan fishermen.",
     ("REQUEST", ["KEN"], ["UGA"])),
    # the parser made the questioner of the label the subject and hung the clause's own on it
    ("Uganda filed a case against Kenya at the court. QUESTION (Jane Doe, Lake Courier): Kenya's foreign "
     "ministry has rejected the application with disgust.",
     ("REJECT", ["KEN"], ["UGA"])),
    # the Koreas written short, and the south as Pyongyang writes it
    ("S. Korea and the US staged a bombing drill on Tuesday in response to the N. Korean missile launch.",
     ("MOBILIZE", ["PRK"], [])),
    ("S. Korea and the US staged a bombing drill on Tuesday.", ("COOPERATE", ["KOR", "USA"], [])),
    ("The DPRK foreign ministry condemned the drills of the south Korean puppet military.",
     ("ACCUSE", ["PRK"], ["KOR"])),
    # a free relative says what was fired or imposed: "what appeared to be a missile" is a missile
    ("Uganda fired what appeared to be a ballistic missile into the lake on Monday.", ("MOBILIZE", ["UGA"], [])),
    ("Kenya imposed what it called countermeasures on Uganda.", ("SANCTION", ["KEN"], ["UGA"])),
    # a preposition said again joins its objects: "spoke with X and with Y"
    ("The Tanzanian president spoke by phone with Kenya's president and with the Ugandan president on Tuesday.",
     ("CONSULT", ["TZA"], ["KEN", "UGA"])),
    # a sentence's one verb the parser hung on its subject after a name set off by commas is the verb
    ("Kenya's foreign minister, Jane Wanjiru, called Uganda's President on Tuesday evening.", ("CONSULT", ["KEN"], ["UGA"])),
    # a rebuttal's spokesperson, named last, does not speak for the officials named before
    ("Rebels launched an attack on army positions near the border on Wednesday. An army spokesman said the assault "
     "had been repelled. Foreign Minister Jane Wanjiru on Thursday accused Uganda of deploying its own soldiers on "
     "Kenyan soil. Uganda's government spokeswoman, Alice Akello, rejected the accusation.", ("ACCUSE", ["KEN"], ["UGA"])),
    # ambulances handed over are aid
    ("The Kenyan Government handed over 30 ambulances to the Ugandan Ministry of Health.", ("AID", ["KEN"], ["UGA"])),
    # aid's purpose clause says whom, or where, it pays for
    ("Earlier this month, Tanzania pledged $60 million to cover fuel and salaries for the Kenyan army.",
     ("AID", ["TZA"], ["KEN"])),
    # a meeting's parties named by its 'of', however deep; the meeting set after "took place"
    ("The regular meeting of the government delegations of Kenya and Uganda took place in Nairobi on Monday.",
     ("CONSULT", ["KEN", "UGA"], [])),
    ("On Monday in the city of Nairobi took place the regular meeting of the government delegations of Kenya and Uganda.",
     ("CONSULT", ["KEN", "UGA"], [])),
    # a headline's verb the tagger read as a plural noun with an object: the name before it acts
    ("Kenyan Treasury sanctions two Ugandan commanders over border offensive", ("SANCTION", ["KEN"], ["UGA"])),
    # an answer vowed to what another did threatens whoever did it
    ("Uganda expelled two Kenyan diplomats on Monday. Kenya's foreign ministry condemned the expulsion and said "
     "Nairobi would respond reciprocally.", ("THREATEN", ["KEN"], ["UGA"])),
    ("Uganda expelled two Kenyan diplomats on Monday. \"The response will follow,\" the Kenyan foreign minister said.",
     ("THREATEN", ["KEN"], ["UGA"])),
    ("Uganda deployed troops to the border on Monday. \"Any provocation will meet a firm response,\" Kenya's defence "
     "minister said.", ("THREATEN", ["KEN"], ["UGA"])),
    ("Uganda deployed troops to the border on Monday. Kenya's army spokesman said Kenya would meet escalation with "
     "escalation.", ("THREATEN", ["KEN"], ["UGA"])),
    ("Nairobi will not leave without answer the unfriendly decision of Kampala to expel 45 employees of the Kenyan "
     "embassy, the Kenyan foreign ministry declared on Thursday.", ("THREATEN", ["KEN"], ["UGA"])),
    # "will be made to pay": the one made to pay is threatened
    ("\"Uganda will be made to pay a dear price for its reckless moves,\" the Kenyan statement said.",
     ("THREATEN", ["KEN"], ["UGA"])),
]


@pytest.mark.parametrize("text, expected", RULES, ids=[r[0][:40] for r in RULES])
def test_rule(dyads, text, expected):
    found = dyads(text)
    assert expected in found, found


NOT_EVENTS = [
    # allegations are not acts: "suspected of bombing"
    "Police arrested two men suspected of bombing the Turkish embassy.",
    # a protest's own demands are part of the protest, not a second event
    "Thousands of farmers blocked roads in Paris demanding lower fuel taxes.",
    # wishes about others are not acts
    "Brazil wants Argentina to lower its tariffs.",
    # a clause that describes a place is background, not a report of an attack
    "Peru lifted a curfew in Puno, where 12 people have been killed in riots this year.",
    # facing a prospect is not an act of anyone
    "Serbia faces new sanctions.",
    # a host whose country only the story's one country would give: not Chile meeting itself
    "President Tomas Varga gave a warm welcome to Chilean leader Gabriel Boric on Thursday.",
    # (the first rule above: Israel does not concede by being asked to)
    "The United Nations reiterated its demand that Israel ease restrictions on Palestinian workers.",
    # officials are not of the place they speak about: no Palestinian call on Palestine
    "Senior Arab leaders called for a ceasefire in Gaza following a meeting in Riyadh on Thursday.",
    # the talks an offer is for are not held
    "Kenya's president today rejected a fresh offer from Uganda for direct talks between the two neighbours.",
    # a protest that breaks out with no one named as its aim is left to the story
    "Protests broke out in Athens on Sunday.",
    # a reporter's question is no request
    "Asked to comment on the warning, the Kenyan spokesperson replied that Nairobi would not yield.",
    "When asked about Uganda's claims, the Kenyan spokesperson said the talks would go on.",
    # a measure in prospect, or the object of a call, is not taken
    "Markets weighed the prospect of Canadian sanctions on Belarusian potash.",
    # a visit planned, or cancelled, did not take place
    "The Kenyan president's planned visit to Kampala drew attention.",
    # a delegation that arrives visits; it brings no aid
    "The Kenyan delegation arrived in Mogadishu on Monday.",
    # aid in prospect is not given
    "Markets weighed the prospect of Kenyan aid to Somalia.",
    # mobilising support, lobbyists or resources is no show of force
    "Kenya mobilised lobby groups in Uganda to win support for its candidate.",
    # what was only tried or sought was not done, nor promised (an attempt on a life still is an attack)
    "Kenya and Uganda sought to ease tensions over the island on Monday.",
    # telling reporters what happened is no demand
    "The Kenyan minister told reporters that Uganda had reopened the border.",
    # a measure that could be taken, with no condition held out, is no threat
    "Kenya could close its border with Uganda, analysts said.",
    # what is to happen 'until' or 'before' something has not happened yet
    "Colombian rebels will keep their weapons until the government releases all prisoners.",
    # a voice in the crowd, with no name and no country, is not a political actor
    "\"Japan must apologise for this,\" said a woman in the crowd outside the embassy in Beijing.",
    # bare verbs listed after 'the need to ...' belong to it, whatever finite verb the parser hung them on
    "The Arab ministers stressed the need to halt the fighting in Sudan, open the crossings and release all detainees.",
    # a complaint or a demand still to be made is a plan (spec §4)
    "Kenya will lodge a formal complaint against Uganda with the African Union next week.",
    # an onlooker's guess about what a state could do is no threat of that state
    "Analysts say Kenya could impose sanctions on Uganda if tensions rise further.",
    # a company's deal is business, not a political promise
    "The Kenyan company agreed to buy a Ugandan brewery for $2 billion.",
    # what such things do, told in a relative clause in the present, is no attack of a day
    "\"Those who supply the weapons that kill Kenyan civilians must pay a price,\" the Kenyan minister told reporters.",
    # support for a state's own people is home policy, no event between states
    "President Ruto underlined that Kenya will continue to defend its workers and businesses.",
]


@pytest.mark.parametrize("text, absent", [
    (NOT_EVENTS[0], "ASSAULT"),
    (NOT_EVENTS[1], "REQUEST"),
    (NOT_EVENTS[2], "CONCEDE"),
    (NOT_EVENTS[3], "ASSAULT"),
    (NOT_EVENTS[4], "SANCTION"),
    (NOT_EVENTS[5], "CONSULT"),
    (NOT_EVENTS[6], "CONCEDE"),
    (NOT_EVENTS[7], "REQUEST"),
    (NOT_EVENTS[8], "CONSULT"),
    (NOT_EVENTS[9], "PROTEST"),
    (NOT_EVENTS[10], "REQUEST"),
    (NOT_EVENTS[11], "REQUEST"),
    (NOT_EVENTS[12], "SANCTION"),
    (NOT_EVENTS[13], "CONSULT"),
    (NOT_EVENTS[14], "AID"),
    (NOT_EVENTS[15], "AID"),
    (NOT_EVENTS[16], "MOBILIZE"),
    (NOT_EVENTS[17], "AGREE"),
    (NOT_EVENTS[18], "REQUEST"),
    (NOT_EVENTS[19], "THREATEN"),
    (NOT_EVENTS[20], "RETREAT"),
    (NOT_EVENTS[21], "REQUEST"),
    (NOT_EVENTS[22], "RETREAT"),
    (NOT_EVENTS[23], "ACCUSE"),
    (NOT_EVENTS[24], "THREATEN"),
    (NOT_EVENTS[25], "AGREE"),
    (NOT_EVENTS[26], "ASSAULT"),
    (NOT_EVENTS[27], "SUPPORT"),
], ids=["allegation", "protest-demand", "wish", "place-description", "faced-prospect", "inferred-host",
        "demanded-content", "officials-not-placed", "offered-talks",
        "aimless-outbreak", "reporters-question", "reporters-when-asked", "measure-in-prospect",
        "planned-visit", "arriving-delegation", "aid-in-prospect", "mobilised-lobbyists", "sought-not-promised", "told-reporters", "measure-without-condition",
        "until-not-yet", "voice-in-the-crowd",
        "listed-after-a-need", "complaint-to-come", "onlookers-guess", "business-deal",
        "what-things-do", "own-people-supported"])
def test_not_an_event(dyads, text, absent):
    assert absent not in [d[0] for d in dyads(text)]


@pytest.mark.parametrize("text", [
    "Kenyan President Samuel Odhiambo on Sunday received the President of Uganda at State House.",
    "Kenya's foreign minister received the Secretary of State of Uganda in Nairobi on Tuesday.",
])
def test_receiving_an_official_by_title_is_a_meeting(dyads, text):
    got = dyads(text)
    assert any(t == "CONSULT" and set(s) | set(g) >= {"KEN"} and len(set(s) | set(g)) == 2 for t, s, g in got), got


@pytest.mark.parametrize("text, expected", [
    # sanctions approved or adopted in a package are imposed
    ("The European Union on Friday approved a new package of sanctions against Belarus.", ("SANCTION", ["IGO:EU"], ["BLR"])),
    # a meeting convened by one side is held by it
    ("Kenya convened a meeting with Uganda in Nairobi on Monday.", ("CONSULT", ["KEN"], ["UGA"])),
])
def test_light_verbs_of_sanctions_and_meetings(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a first-person quotation speaks for whoever the quotation is attributed to, after it
    ("\u201cWe urge Kenya to release the journalists. We will not accept delays,\u201d Ugandan Foreign Minister "
     "Peter Okello said on Monday.", ("REQUEST", ["UGA"], ["KEN"])),
    # a quotation that a statement by a body opens and a later sentence closes is the body's, not
    # that of whoever speaks after it
    ("A statement by the African Union reads, \u201cWe have followed the events in the region closely. "
     "We are concerned about the situation in Sudan.\u201d Egypt said it would send aid.",
     ("ACCUSE", ["IGO:AU"], ["SDN"])),
    # a transcript line speaks for its label
    ("Kenyan President Samuel Odhiambo met Ugandan President Peter Okello on Monday.\n\n"
     "Okello: I call on Kenya to reopen the border.", ("REQUEST", ["UGA"], ["KEN"])),
])
def test_first_person_sentences_take_their_speaker(dyads, text, expected):
    assert expected in dyads(text)


def test_a_noun_names_its_parties_in_a_compound(dyads):
    assert ("CONSULT", ["KEN", "UGA"], []) in dyads("The Kenya-Uganda summit on Monday ended without a statement.")
    assert not any(t == "CONSULT" for t, _, _ in dyads("Officials prepared for the planned Kenya-Uganda summit."))


@pytest.mark.parametrize("text, expected", [
    ("Japan dispatched humanitarian assistance to Turkey on Monday.", ("AID", ["JPN"], ["TUR"])),
    ("The EU transferred 500 million euros to Moldova on Friday.", ("AID", ["IGO:EU"], ["MDA"])),
    ("Norway released emergency aid to Sudan on Tuesday.", ("AID", ["NOR"], ["SDN"])),
    # without an aid object, dispatching is deploying
    ("Russia dispatched troops to the border on Monday.", ("MOBILIZE", ["RUS"], [])),
    # every verb of giving takes the same goods: a field hospital, helicopters, doses of vaccine
    ("Qatar sent a field hospital to Libya on Monday.", ("AID", ["QAT"], ["LBY"])),
    ("France delivered two transport helicopters to Benin on Monday.", ("AID", ["FRA"], ["BEN"])),
    ("Japan handed over 200,000 doses of vaccine to Laos on Monday.", ("AID", ["JPN"], ["LAO"])),
    ("Spain sent two air defence systems to Estonia on Monday.", ("AID", ["ESP"], ["EST"])),
    # a sum "in aid" announced is aid, as the aid itself would be
    ("Canada announced $40 million in humanitarian aid for Haiti on Monday.", ("AID", ["CAN"], ["HTI"])),
])
def test_aid_sent_transferred_or_released(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya expressed disappointment with Uganda's decision on Monday.", ("ACCUSE", ["KEN"], ["UGA"])),
    ("The Ugandan government suspects Kenya of backing the rebels.", ("ACCUSE", ["UGA"], ["KEN"])),
    ("Kenyan President Samuel Odhiambo lambasted Uganda on Monday.", ("ACCUSE", ["KEN"], ["UGA"])),
])
def test_disappointment_suspicion_and_scolding_accuse(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("second", [
    "They agreed to resume direct flights.",
    "The ministers agreed to resume direct flights.",
])
def test_they_after_a_joint_act_are_its_parties(dyads, second):
    first = "Kenyan Foreign Minister Mary Wanjiru met Ugandan Foreign Minister Peter Okello in Nairobi on Monday. "
    assert any(t == "AGREE" and set(s) | set(g) == {"KEN", "UGA"} for t, s, g in dyads(first + second))


def test_a_statement_without_addressee_in_a_two_state_story_is_to_the_other(dyads):
    text = ("Kenya's foreign minister met Uganda's ambassador in Nairobi on Monday. "
            "Kenya also strongly condemned the incident.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in dyads(text)
    # a story about three states gives no one addressee
    three = ("Kenya, Uganda and Tanzania each sent envoys to Arusha on Monday. Kenya strongly condemned the incident.")
    assert not any(t == "ACCUSE" for t, _, _ in dyads(three)), dyads(three)


def test_an_official_without_a_country_acting_on_one_of_two_states_is_the_others(dyads):
    text = ("A Kenyan boy died in Kampala on Monday, Kenya's foreign ministry said. Uganda has opened an inquiry. "
            "The ambassador strongly urged Uganda to protect Kenyan nationals.")
    assert ("REQUEST", ["KEN"], ["UGA"]) in dyads(text)


def test_a_government_speaking_to_itself_is_no_event(dyads):
    # one official asks another of the same state: administration, not an interaction
    got = dyads("Kenyan Foreign Minister Mary Wanjiru asked Kenyan Ambassador Peter Okello to file a complaint.")
    assert not any(t == "REQUEST" for t, _, _ in got), got
    # a government's demand on its own rebels or citizens stays an event
    assert ("ACCUSE", ["KEN"], ["KEN"]) in dyads("The Kenyan government accused Kenyan rebels of violating the ceasefire.")


def test_a_request_to_someone_who_is_no_state_is_not_sent_to_the_other_state(dyads):
    text = ("Kenya's tea exports to Uganda fell in March. Uganda's output rose. "
            "Kenya has also asked buyers to wait until the next harvest.")
    assert not any(t == "REQUEST" for t, _, _ in dyads(text))


def test_a_headline_list_of_two_leaders_acts_together(dyads):
    text = ("Kenyan President Samuel Odhiambo met Ugandan President Peter Okello in Nairobi on Monday.\n\n"
            "Odhiambo, Okello pledged to work together on regional security.")
    assert any(t == "AGREE" and set(s) == {"KEN", "UGA"} for t, s, _ in dyads(text)), dyads(text)


def test_the_launch_of_a_missile_by_a_state_is_a_show_of_force(dyads):
    got = dyads("Japan protested on Thursday following the launch of a ballistic missile by North Korea.")
    assert any(t == "MOBILIZE" and s == ["PRK"] for t, s, _ in got), got
    # the launch of talks is no show of force
    assert not any(t == "MOBILIZE" for t, _, _ in dyads("Kenya welcomed the launch of talks with Uganda on Monday."))


def test_a_summit_of_two_states_is_met_by_their_leaders(nlp):
    text = ("Kenyan President Samuel Odhiambo and Ugandan President Peter Okello spoke on Friday.\n\n"
            "The Kenya-Uganda summit on Monday ended without a statement.")
    consult = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "CONSULT" and "Monday" in e["evidence"][0]["sentence"]]
    assert consult and {a["name"] for a in consult[0]["source"]} == {"Samuel Odhiambo", "Peter Okello"}, consult


def test_an_aid_recipient_may_hang_deep_in_what_is_given(dyads):
    got = dyads("Norway on Monday delivered assistance comprising food and medicines for the people of Sudan.")
    assert ("AID", ["NOR"], ["SDN"]) in got, got


def test_a_transcripts_first_person_is_the_speaker_its_title_names(nlp):
    article = {"id": "t", "published": PUBLISHED,
               "title": "Press Conference by Kenyan President Samuel Odhiambo on the Uganda Summit",
               "text": "NAIROBI -- The following is the text of the press conference.\n\n"
                       "Today, I held talks with Ugandan President Peter Okello.\n\n"
                       "I also urged Uganda to reopen the border."}
    events = _processed(article)
    got = _dyad_set(events)
    assert ("REQUEST", ("KEN",), ("UGA",)) in got, got



def test_a_visitor_received_by_a_host_is_met(dyads):
    text = ("Kenyan President Samuel Odhiambo arrived in Kampala on Monday. "
            "He was received by Ugandan President Peter Okello at the airport.")
    assert any(t == "CONSULT" and set(s) | set(g) == {"KEN", "UGA"} for t, s, g in dyads(text)), dyads(text)


def test_a_named_visitor_is_not_of_the_country_she_is_received_in(nlp):
    text = ("Secretary of State Mary Wanjiru arrived in Kampala on Monday. "
            "She was received by Ugandan President Peter Okello at the airport.")
    events = bilat.extract(text, PUBLISHED)
    assert not [a for e in events for a in e["source"] + e["target"] if a.get("name") == "Mary Wanjiru"
                and a["country"] == "UGA"], events


@pytest.mark.parametrize("text, expected", [
    ("Ministers met in Nairobi to discuss the Ugandan war against Kenya.", ("ASSAULT", ["UGA"], ["KEN"])),
    ("Russia denied the charges on Monday. The summit condemned its invasion of Georgia.", ("ASSAULT", ["RUS"], ["GEO"])),
])
def test_an_attack_a_noun_names_with_its_parties(dyads, text, expected):
    assert expected in dyads(text), dyads(text)


def test_a_planned_attack_named_by_a_noun_is_no_event(dyads):
    assert not any(t == "ASSAULT" for t, _, _ in dyads("Kenya warned of a possible Ugandan attack on Kenya."))


@pytest.mark.parametrize("text, expected", [
    ("Floods hit Sri Lanka on Monday. Sri Lanka asked for help. India sent a plane loaded with food supplies.",
     ("AID", ["IND"], ["LKA"])),
    ("Turkey on Monday sent ships carrying aid to Gaza.", ("AID", ["TUR"], ["PSE"])),
])
def test_aid_sent_in_a_carrier_to_the_story_or_a_named_recipient(dyads, text, expected):
    assert expected in dyads(text), dyads(text)


def test_ships_or_troops_sent_are_a_deployment_dated_by_the_day_they_hang_on(nlp):
    events = bilat.extract("Uganda accused Kenya of aggression on Friday. The old border row escalated sharply on "
                           "Thursday when Kenya sent six patrol ships to a group of small islands.", PUBLISHED)
    got = [(e["type"], e["date"]) for e in events]
    assert ("MOBILIZE", "2024-05-16") in got, got


def test_a_meeting_between_two_leaders_is_theirs(dyads):
    text = ("Kenyan President Samuel Odhiambo flew to Kampala on Monday. "
            "The talks between Odhiambo and Ugandan President Peter Okello were the first since 2010.")
    assert any(t == "CONSULT" and set(s) | set(g) == {"KEN", "UGA"} for t, s, g in dyads(text)), dyads(text)


def test_what_is_called_for_is_not_done(dyads):
    got = dyads("Ugandan leader Peter Okello called for lifting all restrictions on Kenyan imports.")
    assert ("REQUEST", ["UGA"], ["KEN"]) in got and not any(t == "CONCEDE" for t, _, _ in got), got


def test_a_meeting_that_is_its_clauses_subject_takes_the_clauses_date(nlp):
    text = ("Kenya's foreign minister said the summit between Kenyan President Samuel Odhiambo and his Ugandan "
            "counterpart Peter Okello on Wednesday produced several agreements.")
    events = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "CONSULT"]
    assert events and events[0]["date"] == "2024-05-15", events


def test_separate_calls_with_two_named_people_reach_each_and_the_day_of_their_morning(nlp):
    text = ("Kenyan Foreign Minister Mary Wanjiru talked on the phone separately with Ugandan Foreign Minister "
            "Peter Okello and Tanzanian Foreign Minister Anna Mushi in the morning of May 12.")
    calls = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "CONSULT"]
    assert sorted((a["country"], a["name"]) for e in calls for a in e["target"]) == \
        [("TZA", "Anna Mushi"), ("UGA", "Peter Okello")], calls
    assert all(e["date"] == "2024-05-12" and e["source"][0]["country"] == "KEN" for e in calls)


def test_praise_for_a_plan_goes_to_whoever_announced_it(dyads):
    text = "Kenyan President Samuel Odhiambo hailed a plan that the Ugandan government announced last week."
    assert ("SUPPORT", ["KEN"], ["UGA"]) in dyads(text), dyads(text)


def test_shaking_hands_with_someone_is_meeting_them_and_done(dyads):
    got = dyads("Kenyan President Samuel Odhiambo welcomed progress after shaking hands with Ugandan President "
                "Peter Okello in Nairobi on Monday.")
    assert any(t == "CONSULT" and set(s) | set(g) == {"KEN", "UGA"} for t, s, g in got), got


def test_sanctions_on_companies_tied_to_one_foreign_state_target_it(dyads):
    got = dyads("Canada on Tuesday imposed sanctions on a network of trading firms that it accused of moving "
                "Venezuelan gold.")
    assert ("SANCTION", ["CAN"], ["VEN"]) in got, got


def test_a_clash_between_the_two_militaries_of_the_story_is_both_sides_attack(dyads):
    text = ("The border town was the site of the violent clash between the two militaries on Monday evening.\n\n"
            "Kenya and Uganda traded accusations on Tuesday.")
    assert any(t == "ASSAULT" and set(s) == {"KEN", "UGA"} for t, s, _ in dyads(text)), dyads(text)


def test_a_subject_listing_people_of_several_states_names_them_all(dyads):
    text = ("Kenyan Foreign Minister Mary Wanjiru, Foreign Minister of Uganda Peter Okello and Foreign Minister "
            "of Tanzania Anna Mushi participated in the meeting in Arusha on Monday.")
    got = dyads(text)
    assert any(t == "CONSULT" and len(set(s) | set(g)) >= 2 for t, s, g in got), got


@pytest.mark.parametrize("text, expected", [
    # a body's decision to act is the act; suspending a state is a sanction
    ("The African Union has decided to suspend Sudan following the coup.", ("SANCTION", ["IGO:AU"], ["SDN"])),
    ("Norway has decided to dispatch humanitarian assistance for the people of Sudan.", ("AID", ["NOR"], ["SDN"])),
])
def test_a_decision_to_act_is_the_act(dyads, text, expected):
    assert expected in dyads(text), dyads(text)


def test_a_meeting_with_a_list_of_counterparts_meets_them_all(nlp):
    text = ("Kenyan Foreign Minister Mary Wanjiru received her Ugandan counterpart Peter Okello, Tanzanian "
            "counterpart Anna Mushi and Rwandan counterpart Jean Habimana in Nairobi on Monday.")
    (e,) = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "CONSULT"]
    assert sorted(a["name"] for a in e["target"]) == ["Anna Mushi", "Jean Habimana", "Peter Okello"], e


def test_reported_speech_runs_on_for_the_speakers_own_state(nlp):
    text = ("Kenyan Foreign Minister Mary Wanjiru said Kenya and Uganda can cooperate on trade. "
            "Kenya is ready to advance its partnership with Uganda.")
    agree = [e for e in bilat.extract(text, PUBLISHED)
             if e["type"] == "AGREE" and "advance" in e["evidence"][0]["sentence"]]
    assert agree and [a["name"] for a in agree[0]["source"]] == ["Mary Wanjiru"], agree


def test_whoever_a_picture_shows_doing_something_does_it(nlp):
    text = "The ministry shared images of Kenyan President Samuel Odhiambo receiving Ugandan President Peter Okello."
    (e,) = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "CONSULT"]
    assert [(a["country"], a["name"]) for a in e["source"]] == [("KEN", "Samuel Odhiambo")], e


def test_a_places_possessor_in_a_locative_phrase_is_where_not_whom(dyads):
    text = ("Kenya's army said shells fell across the border on Sunday. The Foreign Ministry today summoned the "
            "Ugandan ambassador in Nairobi and lodged a protest over firing mortar shells in Kenya's territory.")
    found = dyads(text)
    assert ("ACCUSE", ["KEN"], ["UGA"]) in found and ("ACCUSE", ["UGA"], ["KEN"]) not in found, found


def test_a_quoted_fragment_without_a_subject_speaks_for_whoever_the_quote_is_attributed_to(nlp):
    text = ('"Welcoming a close partner, Foreign Minister Peter Okello of Uganda. Great talks on trade," '
            "Kenyan Foreign Minister Mary Wanjiru tweeted on Monday.")
    support = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "SUPPORT"]
    assert support and [a["name"] for a in support[0]["source"]] == ["Mary Wanjiru"], support
    assert [a["country"] for a in support[0]["target"]] == ["UGA"], support


def test_an_announced_act_is_dated_when_announced(nlp):
    text = "Kenya's foreign minister said on Wednesday that Kenya will send a mediation mission to Uganda on Saturday."
    agree = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "AGREE"]
    assert [(e["target"][0]["country"], e["date"]) for e in agree] == [("UGA", "2024-05-15")], agree


def test_sending_a_delegation_is_a_visit(dyads):
    assert ("CONSULT", ["KEN"], ["UGA"]) in dyads("Kenya sent a delegation to Uganda on Monday.")


def test_a_state_speaks_through_the_one_spokesperson_the_story_names(nlp):
    text = ("Kenya on Thursday asked Uganda to withdraw its troops from the border. Foreign Ministry "
            "Spokesperson Jane Mwangi said Kenya was committed to its sovereignty.")
    request = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "REQUEST"]
    assert request and [(a["country"], a["name"]) for a in request[0]["source"]] == [("KEN", "Jane Mwangi")], request


def test_an_official_who_summons_the_lead_countrys_envoy_is_of_the_other_side(dyads):
    # the story is led by Uganda, but whoever summons Uganda's chargé d'affaires is Kenya's
    text = ("The Ugandan embassy in Nairobi rejected the claims of Kenya on Monday. Deputy Secretary Jane "
            "Wambui summoned the charge d'affaires of the Ugandan embassy, Peter Okello, on Tuesday.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a passive act whose subject is the act itself: the act's owner does it
    ("The Thai protests were conveyed to Cambodia on Monday.", ("ACCUSE", ["THA"], ["KHM"])),
    ("Egypt's demands were delivered to Ethiopia on Monday.", ("REQUEST", ["EGY"], ["ETH"])),
])
def test_a_passive_act_named_by_its_noun_is_its_owners(dyads, text, expected):
    assert expected in dyads(text)


def test_a_title_speakers_name_takes_the_people_dictionarys_order(nlp):
    # a government's release may write a Japanese name family name first; the dictionary's usual
    # order is the one records carry
    article = {"id": "t", "published": PUBLISHED,
               "title": "Press Conference by Foreign Minister Kishida Fumio on the Uganda Visit",
               "text": "TOKYO -- The following is the text of the press conference.\n\n"
                       "Today, I held talks with Ugandan President Peter Okello."}
    events = _processed(article)
    names = {a.name for e in events for a in e.source}
    assert "Fumio Kishida" in names, names


def test_a_state_news_agency_that_reports_is_no_party(dyads):
    assert dyads("Japan protested to China over the incident, Xinhua reported.") == [("ACCUSE", ["JPN"], ["CHN"])]


def test_how_an_act_was_done_is_no_second_act(dyads):
    # "..., freezing their assets": the participle says how the sanction was imposed
    found = dyads("The United States sanctioned three Iranian officials on Monday, freezing their assets.")
    assert found == [("SANCTION", ["USA"], ["IRN"])], found


def test_what_is_apologised_for_is_no_new_event(dyads):
    found = dyads("Kenya apologized to Uganda for one of its patrol boats intercepting a Ugandan ferry.")
    assert found == [("CONCEDE", ["KEN"], ["UGA"])], found


def test_a_press_conference_is_no_meeting(dyads):
    assert dyads("The Japanese foreign minister held a press conference in Tokyo on Tuesday.") == []



def test_a_day_hung_on_the_object_is_the_acts_own_not_the_reports(nlp):
    # the parser hangs "on Tuesday" on the ambassador; "said on Wednesday" is when it was reported
    text = "Kenya summoned the Ugandan ambassador on Tuesday over the shooting, the ministry said on Wednesday."
    events = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "ACCUSE"]
    assert events and events[0]["date"] == "2024-05-14", events


def test_a_month_is_no_protest_march(dyads):
    assert dyads("Kenya and Uganda held talks in March, officials said on Monday.") == [
        ("CONSULT", ["KEN", "UGA"], [])]


@pytest.mark.parametrize("text", [
    # the parser makes the participle the main verb and the real verb its 'conjunct' ...
    "The Ugandans imprisoned for spying for Kenya were released on Monday by the Kenyan president.",
    # ... or the clausal subject of the verb that follows
    "The soldiers detained in the raid were handed over to Uganda by Kenyan police on Monday.",
])
def test_a_reduced_relative_describes_who_is_acted_on(dyads, text):
    found = dyads(text)
    assert not any(t == "COERCE" for t, _, _ in found), found


def test_a_title_in_the_owners_form_names_the_voice_of_a_transcript(nlp):
    # "X's Regular Press Conference": the first-person answers are X's, of the country the title names
    article = {"id": "t", "published": PUBLISHED,
               "title": "Kenyan Foreign Ministry Spokesperson Jane Wambui's Regular Press Conference on May 16, 2024",
               "text": "Reporter: Uganda says its boats were seized. What is your comment?\n\n"
                       "Jane Wambui: The boats entered Kenyan waters without permission. "
                       "We urge Uganda to respect our sovereignty."}
    events = _processed(article)
    got = [(e.type, [a.country for a in e.source], [a.country for a in e.target]) for e in events]
    assert ("REQUEST", ["KEN"], ["UGA"]) in got, got


def test_an_act_after_another_is_dated_by_its_report_not_by_the_earlier_act(nlp):
    # "after X on Monday" says when the earlier act happened; the act itself was reported on Wednesday
    found = [(e["type"], e["date"]) for e in bilat.extract(
        "Kenya said on Wednesday that it had expelled the Ugandan ambassador after Uganda detained two "
        "Kenyan journalists on Monday.", PUBLISHED)]
    assert ("SANCTION", "2024-05-15") in found and ("COERCE", "2024-05-13") in found, found


def test_an_unnamed_attacker_is_not_the_victims_own_side_from_an_earlier_attack(dyads):
    # soldiers wounded by a landmine are not wounded by their own army, which fired just before
    found = dyads("Kenya's army said on Wednesday it had shelled Ugandan positions after two Kenyan "
                  "soldiers were wounded by a landmine on Monday.")
    assert found == [("ASSAULT", ["KEN"], ["UGA"])], found


@pytest.mark.parametrize("text, expected", [
    # force used on "its ships" hits someone else's ships: the speaker's, where foreign ...
    ("The Ugandan coast guard said on Monday that a Kenyan vessel rammed one of its ships near Migingo island.",
     ("ASSAULT", ["KEN"], ["UGA"])),
    # ... unless the text says "its own"
    ("Kenyan troops shelled their own positions by mistake on Monday.", None),
])
def test_force_on_its_things_is_on_someone_elses(dyads, text, expected):
    found = [d for d in dyads(text) if d[0] == "ASSAULT"]
    if expected is None:
        assert all(d[2] != d[1] for d in found), found
    else:
        assert expected in found, found


def test_a_transcripts_answers_are_of_the_country_its_questions_ask(nlp):
    # a title naming only "Foreign Ministry Spokesperson X": "What is Kenya's response?" says whose
    article = {"id": "t", "published": PUBLISHED,
               "title": "Foreign Ministry Spokesperson Jane Wambui's Regular Press Conference on May 16, 2024",
               "text": "Q: Uganda says Kenyan boats entered its waters near Migingo island. What is Kenya's response?\n\n"
                       "A: The Ugandan boats entered our waters first. We urge Uganda to respect our sovereignty."}
    events = _processed(article)
    got = [(e.type, [a.country for a in e.source], [a.country for a in e.target]) for e in events]
    assert ("REQUEST", ["KEN"], ["UGA"]) in got, got


@pytest.mark.parametrize("text, expected", [
    # a sum pledged, announced or earmarked for someone is aid (spec: "pledged $..."), and a clause
    # "to support X's ..." on the sum says whom it is for, with no second event
    ("Kenya pledged $5 million to Uganda for flood relief.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya announced an additional $5 million to support Uganda's refugee programme.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya earmarked 2 million dollars in emergency assistance for Uganda.", [("AID", ["KEN"], ["UGA"])]),
    # people sent to rescue, heal or put out fires are aid, not a delegation or a deployment
    ("Kenya sent a medical team to Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya dispatched firefighters to Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya sent search-and-rescue teams to Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
])
def test_money_and_rescuers_sent_are_aid(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a response held out on a condition threatens whoever the condition is about ...
    ("Kenya said it would respond militarily if Uganda moved troops to the border.", ("THREATEN", ["KEN"], ["UGA"])),
    ("Kenya said it would retaliate if Uganda attacked its border posts again.", ("THREATEN", ["KEN"], ["UGA"])),
    # ... and a retaliation carried out is an attack
    ("Kenya retaliated against Uganda with artillery fire on Saturday.", ("ASSAULT", ["KEN"], ["UGA"])),
])
def test_retaliation_held_out_or_carried_out(dyads, text, expected):
    assert dyads(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    # ties cut short are a sanction: sales halted, a pact ended, a hotline suspended, trade frozen
    ("Kenya halted arms sales to Uganda on Monday.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya decided on Monday to end its intelligence-sharing agreement with Uganda.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya suspended its military hotline with Uganda on Monday.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya froze trade with Uganda on Monday.", ("SANCTION", ["KEN"], ["UGA"])),
])
def test_ties_cut_short_are_a_sanction(dyads, text, expected):
    assert dyads(text) == [expected]


def test_joint_exercises_that_end_are_no_sanction(dyads):
    assert dyads("Kenya and Uganda ended their joint exercises on Friday.") == []


def test_a_captured_pilot_released_is_a_release(dyads):
    assert dyads("Kenya released a captured Ugandan pilot on Friday.") == [("RETREAT", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, expected", [
    # a reaction to an act named by a definite noun alone is to whoever did it
    ("Kenya said on Thursday it would release a captured Ugandan pilot. Uganda welcomed the announcement.",
     ("SUPPORT", ["UGA"], ["KEN"])),
    # a meeting noun: to the meeting's parties
    ("Kenya and Uganda held talks in Nairobi on Monday. Tanzania welcomed the talks.",
     ("SUPPORT", ["TZA"], ["KEN", "UGA"])),
    # a visit announced and not yet made: to its announcer
    ("Kenyan President William Ruto will pay a state visit to Uganda next week, his office said. "
     "Tanzania criticised the visit.", ("ACCUSE", ["TZA"], ["KEN"])),
])
def test_a_reaction_to_an_act_named_by_its_noun_is_to_whoever_did_it(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # "a day after", "two days after": the earlier act's own day, counted back from its governor's
    ("Kenya expelled the Ugandan ambassador on Friday, two days after Uganda detained a Kenyan journalist.",
     ("COERCE", "2024-05-15")),
    ("Kenya recalled its ambassador on Thursday, a day after Ugandan troops shelled a Kenyan border post.",
     ("ASSAULT", "2024-05-15")),
    # the span set beside an explicit date ("on Feb. 15, a day after"), which the tagger reads as one date
    ("Kenyan police detained the journalist on Feb. 15, a day after Uganda formally requested his extradition.",
     ("REQUEST", "2024-02-14")),
    # a gerund subject is an act dated by its clause's fronted date
    ("In September 2022, fighting between Kenyan and Ugandan forces along the border killed around 100 people.",
     ("ASSAULT", "2022-09")),
])
def test_a_day_after_counts_back_from_the_later_act(nlp, text, expected):
    assert expected in [(e["type"], e["date"]) for e in bilat.extract(text, PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    # protesters who gather protest, where they gather (an embassy stands in another country)
    ("Hundreds of protesters gathered outside the Ugandan embassy in Nairobi on Monday.", ("PROTEST", ["KEN"], ["UGA"])),
    # the same where the mission's country follows it ("the Consulate General of Uganda", "the embassy of Uganda")
    ("Protesters gathered in front of the Consulate General of Uganda in Nairobi on Monday.",
     ("PROTEST", ["KEN"], ["UGA"])),
    # weapons of war used against someone attack them; "tear gas" is no such weapon
    ("Kenya said Ugandan forces had used chemical weapons against civilians.", ("ACCUSE", ["KEN"], ["UGA"])),
    # a predicate the parser hangs on the object's last noun still names the condemnation
    ("Kenya called Uganda's purchase of the islands a farce.", ("ACCUSE", ["KEN"], ["UGA"])),
])
def test_gatherings_weapons_used_and_late_predicates(dyads, text, expected):
    assert expected in dyads(text)


def test_tear_gas_used_on_demonstrators_is_no_attack(dyads):
    assert not any(t == "ASSAULT" for t, _, _ in dyads("Kenyan riot police used tear gas to disperse demonstrators in Nairobi."))


@pytest.mark.parametrize("text, expected", [
    # a claim or accusation rejected is the claimant's; an attack named by its noun is the attacker's
    ("Kenya said the drone was shot down by a Ugandan missile. Uganda rejected the claim as baseless.",
     ("REJECT", ["UGA"], ["KEN"])),
    ("Kenya shelled Ugandan border posts on Monday. Tanzania called the attack an act of aggression.",
     ("ACCUSE", ["TZA"], ["KEN"])),
])
def test_a_claim_or_an_attack_named_by_its_noun_is_its_doers(dyads, text, expected):
    assert expected in dyads(text)


def test_a_claimed_attack_is_a_statement_of_the_day(nlp):
    # "had used": the attack is told in passing, but the accusation is made now and takes the report's day
    events = bilat.extract("Kenya said that Ugandan troops had shelled its border posts.", PUBLISHED)
    assert [(e["type"], e["date"]) for e in events] == [("ACCUSE", PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    # "the coup attempt": a reaction to the act named by the noun's compound
    ("Kenyan soldiers detained President William Ruto on Monday. The African Union condemned the coup attempt.",
     ("ACCUSE", ["IGO:AU"], ["KEN"])),
    # measures of a kind named in the plural, with no owner: whoever took them last
    ("Kenya announced new sanctions on Ugandan banks. Tanzania opposes unilateral sanctions.",
     ("ACCUSE", ["TZA"], ["KEN"])),
    # an agreement initialled is signed
    ("Kenya said on Wednesday that it had initialed a security agreement with Uganda.", ("SUPPORT", ["KEN"], ["UGA"])),
])
def test_reactions_to_acts_of_a_kind_and_initialled_agreements(dyads, text, expected):
    assert expected in dyads(text)


def test_a_command_to_ones_own_forces_coerces_no_one(dyads):
    found = dyads("The U.S. president ordered the U.S. military to help Kenya shoot down the drones.")
    assert not any(t == "COERCE" for t, _, _ in found), found


@pytest.mark.parametrize("text, expected", [
    # a foreign actor told what it will suffer is threatened
    ("Kenya said Uganda would pay a heavy price for the attack.", [("THREATEN", ["KEN"], ["UGA"])]),
    ("The Kenyan president said Uganda had made a big mistake and would pay for it.", [("THREATEN", ["KEN"], ["UGA"])]),
    ("Kenya warned that Uganda would face serious consequences.", [("THREATEN", ["KEN"], ["UGA"])]),
    # what it will face that is no punishment threatens no one
    ("Kenya said Uganda will face elections in June.", []),
])
def test_what_another_will_suffer_threatens_it(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place named again by a bare definite noun is the last one named before it
    ("Kenya imposed a siege on the island of Pemba in Tanzania on Monday. Kenyan warplanes pounded the island overnight.",
     ("ASSAULT", ["KEN"], ["TZA"])),
    # a concern over an act named by its noun: over its doers
    ("Kenya and Uganda signed a defence pact on Wednesday. Tanzania expressed grave concern over the agreement.",
     ("ACCUSE", ["TZA"], ["KEN", "UGA"])),
    # an act named by the noun of its verb ("the killing", "the incident"), and a stab in the back condemns
    ("Kenyan jets shot down a Ugandan plane on Tuesday. Uganda called the incident a stab in the back.",
     ("ACCUSE", ["UGA"], ["KEN"])),
    # a siege ordered is laid
    ("The Kenyan defence minister ordered a complete siege of the Ugandan border town on Monday.",
     ("COERCE", ["KEN"], ["UGA"])),
])
def test_places_and_acts_named_again(dyads, text, expected):
    assert expected in dyads(text)


def test_days_after_count_back_through_a_participle(nlp):
    # "ordered a siege, cutting off power, two days after X": the clause hangs on the participle
    events = bilat.extract("Kenya on Monday ordered a siege of the border town, cutting off power, two days after "
                           "Ugandan troops shelled a Kenyan village.", PUBLISHED)
    assert ("ASSAULT", "2024-05-11") in [(e["type"], e["date"]) for e in events]


@pytest.mark.parametrize("text, expected", [
    # a dateline with its country and agency is cut ("NUSA DUA, Indonesia (Reuters) - ")
    ("ARUSHA, Tanzania (Reuters) - Kenyan President William Ruto and Ugandan President Yoweri Museveni held their "
     "first face-to-face meeting on Monday.", ("CONSULT", ["KEN", "UGA"], [])),
    # a person who arrives in a foreign country visits it
    ("The Kenyan foreign minister arrived in Kampala on Monday.", ("CONSULT", ["KEN"], ["UGA"])),
    # a vote to ratify ratifies, and welcoming the vote welcomes its voters
    ("Uganda's parliament on Monday voted to ratify Kenya's bid to join the bloc. Kenya welcomed the vote.",
     ("SUPPORT", ["KEN"], ["UGA"])),
    # a captured pilot handed over is released
    ("Kenya handed over a captured Ugandan pilot to Uganda on Friday.", ("RETREAT", ["KEN"], ["UGA"])),
])
def test_datelines_arrivals_votes_and_handovers(dyads, text, expected):
    assert expected in dyads(text)


def test_had_in_reported_speech_is_the_news_not_background(nlp):
    # "said it had expelled": the backshifted "we expelled", dated with the report
    events = bilat.extract("Kenya said it had expelled the Ugandan ambassador.", PUBLISHED)
    assert [(e["type"], e["date"], e["salience"]) for e in events] == [("SANCTION", PUBLISHED, "main")]
    # outside reported speech "had" still tells what came before, and no date is guessed for it
    events = bilat.extract("Kenya had expelled the Ugandan ambassador. Uganda protested on Friday.", PUBLISHED)
    assert ("SANCTION", None) in [(e["type"], e["date"]) for e in events]


@pytest.mark.parametrize("text", [
    "Kenya conducted its first nuclear test on Sunday.",
    "The council condemned Kenya's recent missile test on Monday.",
])
def test_a_weapons_test_is_a_show_of_force(dyads, text):
    assert ("MOBILIZE", ["KEN"], []) in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a disaster that kills is no actor's act ...
    ("Floods killed 300 people in Uganda last week.", []),  # (and nothing else: no attack)
    # ... and aid sent after it goes to the one country the story named before it
    ("Floods killed 300 people in Uganda last week. Kenya sent emergency relief supplies on Monday.",
     [("AID", ["KEN"], ["UGA"])]),
    # another donor named in the same sentence is no recipient
    ("An earthquake struck Uganda on Saturday. Kenya dispatched rescue teams on Sunday, while Tanzania pledged "
     "5 million dollars in aid.", [("AID", ["KEN"], ["UGA"])]),
])
def test_disasters_are_no_acts_and_aid_goes_to_the_stricken(dyads, text, expected):
    found = dyads(text)
    assert all(e in found for e in expected) and not any(t == "ASSAULT" or tgt == ["TZA"] for t, _, tgt in found), found


@pytest.mark.parametrize("text, expected", [
    # "Congo" alone is the Democratic Republic, as wire copy writes it
    ("Ugandan troops shelled rebel positions in eastern Congo on Monday.", ("ASSAULT", ["UGA"], ["COD"])),
    # a military operation named again is the last attacker's
    ("Ugandan troops shelled rebel positions in eastern Congo on Monday. The Congolese government condemned "
     "the operation.", ("ACCUSE", ["COD"], ["UGA"])),
    # a claimed intrusion accuses
    ("Kenya said the Ugandan vessel had intruded into its waters.", ("ACCUSE", ["KEN"], ["UGA"])),
])
def test_congo_operations_and_intrusions(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # force aimed at places held by a country is aimed at it
    ("Kenya fired dozens of rockets at towns across Uganda on Monday.", ("ASSAULT", ["KEN"], ["UGA"])),
    # shelter or asylum granted is aid
    ("Kenya granted temporary shelter to the former Ugandan president.", ("AID", ["KEN"], ["UGA"])),
    # a reaction is no act a later reaction refers to: "the move" is Kenya's, not Ethiopia's praise of it
    ("Kenya recognized Taiwan on Wednesday. Ethiopia praised the decision. China condemned the move.",
     ("ACCUSE", ["CHN"], ["KEN"])),
])
def test_places_held_asylum_and_reactions_to_reactions(dyads, text, expected):
    assert expected in dyads(text)


def test_an_attack_told_as_the_time_of_a_statement_is_no_claim(dyads):
    # the reporter's "a day after X attacked" dates the statement; the speaker claims nothing of it
    found = dyads("The Kenyan president said on Friday he had called off the talks, a day after Ugandan troops "
                  "shelled a Kenyan border post.")
    assert ("ASSAULT", ["UGA"], ["KEN"]) in found and not any(t == "ACCUSE" for t, _, _ in found), found


@pytest.mark.parametrize("text, expected", [
    # "Fighting between X and Y raged": a subject gerund the tagger read as a verb is the noun
    ("Fighting between Kenya and Uganda raged for a third day on Tuesday.", [("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"])]),
    ("Fighting continued on Tuesday.", []),
    # a slash pair of places with its agency is a dateline
    ("NAIROBI/KAMPALA (Reuters) - Fighting between Kenya and Uganda raged for a third day on Tuesday.",
     [("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"])]),
])
def test_fighting_between_two_sides(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the act reacted to is the latest one done by someone else ("the announcement" is Kenya's, though
    # Uganda's own strike is told after it)
    ("Kenya said on Thursday it would release a captured Ugandan pilot. Ugandan jets had struck a Kenyan camp "
     "on Tuesday. Uganda welcomed the announcement.", ("SUPPORT", ["UGA"], ["KEN"])),
    # a judgement of "the decision" in reported speech is of whoever decided
    ("Kenya and Tanzania cut diplomatic ties with Uganda on Monday. Uganda's foreign ministry said the decision "
     "was unjustified.", ("ACCUSE", ["UGA"], ["KEN", "TZA"])),
])
def test_reactions_reach_the_latest_act_of_another(dyads, text, expected):
    assert expected in dyads(text)


def test_a_meeting_looked_forward_to_is_announced(dyads):
    assert dyads("The Kenyan president said he looked forward to meeting Yoweri Museveni in the coming weeks.") == [
        ("AGREE", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, expected", [
    # hoping another will do something asks it to ("hopes" was lemmatised "hop")
    ("Kenya hopes Uganda will release the detained journalists soon.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya hopes it will win the vote.", []),
])
def test_hoping_another_will_act_asks_it(dyads, text, expected):
    assert dyads(text) == expected


def test_co_chairs_in_apposition_keep_the_sentence_parsed(dyads):
    # "co-chairs" split at its hyphen read "co" as a verb and lost the subject
    assert dyads("France, Russia and the United States, co-chairs of the Minsk Group, urged Tanzania to return to "
                 "negotiations.") == [("REQUEST", ["FRA", "RUS", "USA"], ["TZA"])]


@pytest.mark.parametrize("text, expected", [
    # the act reacted to is named by the word that told it ("the test" is whoever tested)
    ("Uganda conducted its first missile test on Friday. Tanzania and Rwanda called for calm. Kenya said it "
     "firmly opposed the test.", ("ACCUSE", ["KEN"], ["UGA"])),
    # "the move" is a deed, never a comment on one
    ("Uganda expelled two Kenyan diplomats on Monday. Tanzania voiced regret over the decision. "
     "Rwanda welcomed the move.", ("SUPPORT", ["RWA"], ["UGA"])),
    # regret over another's deed criticises it
    ("Uganda expelled two Kenyan diplomats on Monday. Tanzania voiced regret over the decision.",
     ("ACCUSE", ["TZA"], ["UGA"])),
    # the deed labelled: "called the drill an act of provocation"
    ("Uganda conducted its first missile test on Friday. Tanzania and Rwanda called for calm. Kenya called the "
     "test a reckless escalation.", ("ACCUSE", ["KEN"], ["UGA"])),
])
def test_reactions_to_a_deed_the_text_told(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenyan President William Ruto called Ugandan President Yoweri Museveni on Tuesday.",
     [("CONSULT", ["KEN"], ["UGA"])]),
    ("Kenya's foreign minister called his Ugandan counterpart to discuss the border dispute.",
     [("CONSULT", ["KEN"], ["UGA"])]),
    ("Kenyan President William Ruto called Ugandan President Yoweri Museveni to offer condolences.",
     [("CONSULT", ["KEN"], ["UGA"])]),
    # a name given, a demand, a label: no call
    ("Kenya called on Uganda to withdraw its troops on Tuesday.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya's foreign minister called Uganda's president a liar.", []),
])
def test_calling_a_leader_is_a_phone_call(dyads, text, expected):
    assert [d for d in dyads(text) if d[0] in ("CONSULT", "REQUEST")] == expected


def test_force_on_a_crowd_at_home_and_the_reactions_to_it(dyads):
    # a state's forces firing on protesters in a story of that state alone: repression at home; "the
    # violence" is theirs, and "the army" is the forces named before
    assert dyads("Ugandan security forces opened fire on protesters in several towns on Sunday, the U.N. rights "
                 "office said. Kenya condemned the violence and said it would suspend military aid to the army.") == [
        ("ASSAULT", ["UGA"], ["UGA"]), ("THREATEN", ["KEN"], ["UGA"]), ("ACCUSE", ["KEN"], ["UGA"])]


def test_force_on_a_crowd_near_another_state_is_not_coded_at_home(dyads):
    assert dyads("Ugandan troops fired on demonstrators near the Kenyan border on Sunday.") == [("ASSAULT", ["UGA"], [])]


def test_a_threat_is_held_over_whoever_its_condition_is_on(dyads):
    assert dyads("Kenya and Tanzania applied to join the Commonwealth on Monday. Uganda said it would block the "
                 "bids unless the two countries stopped supporting rebel groups.") == [("THREATEN", ["UGA"], ["KEN", "TZA"])]


@pytest.mark.parametrize("text, expected", [
    ("Kenya ordered the closure of the Ugandan embassy in Nairobi on Monday.", [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya ordered the closure of schools on Monday.", []),  # no recipient: no sanction
])
def test_a_closure_ordered_is_a_sanction_on_whose_mission_it_closes(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a pronoun object stands for the act named before it in the sentence
    ("Uganda shelled Kenyan border posts on Friday. Rwanda welcomed the strikes, while Tanzania condemned them.",
     ("ACCUSE", ["TZA"], ["UGA"])),
    ("Uganda shelled Kenyan border posts on Friday. Kenya's army said the attack killed six soldiers and called it "
     "a blatant aggression.", ("ACCUSE", ["KEN"], ["UGA"])),
    # "regarded the strikes as an act of aggression", "described the decision as regrettable"
    ("Uganda shelled Kenyan border posts on Friday. Tanzania regarded the strikes as an act of aggression.",
     ("ACCUSE", ["TZA"], ["UGA"])),
])
def test_a_reaction_to_an_act_named_by_a_pronoun_or_described_as_wrong(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # an attack noun's relative clause says whom it hit
    ("Somali militants launched a surprise attack that killed dozens of Kenyans on Saturday.",
     ("ASSAULT", ["SOM"], ["KEN"])),
    # 'move' and 'send' mobilise with any military asset; the Pentagon speaks for the United States
    ("The Pentagon said it was moving an aircraft carrier to the eastern Mediterranean.", ("MOBILIZE", ["USA"], [])),
    # standing with, by or in solidarity with a state supports it
    ("Kenya said it stood in solidarity with Uganda.", ("SUPPORT", ["KEN"], ["UGA"])),
])
def test_attacks_hitting_assets_moved_and_solidarity(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a missile test shown at waters around a foreign state faces it, not whoever acted the day before
    ("Uganda fired ballistic missiles into waters around Kenya on Thursday, a day after U.S. Secretary of State "
     "Antony Blinken left Nairobi.", ("MOBILIZE", ["UGA"], ["KEN"])),
])
def test_a_show_of_force_faces_the_place_it_is_shown_at(dyads, text, expected):
    assert expected in dyads(text)


def test_missiles_that_land_are_no_aid(dyads):
    assert [d for d in dyads("Uganda test-fired missiles on Friday. Kenya's defence ministry said five of the "
                             "missiles landed in Kenya's exclusive economic zone.") if d[0] == "AID"] == []


def test_a_toll_a_side_reports_is_the_attack_and_its_official_acts_for_it(dyads):
    # a passive toll with the fight's other side named is an attack by that side, not a claim
    assert ("ASSAULT", ["UGA"], ["KEN"]) in dyads(
        "Ten Kenyan soldiers were killed in a clash with Ugandan troops near the border on Monday night, the "
        "Kenyan army said on Tuesday.")
    # "its ambassador would meet ...": the official acting is the speaker's state's
    assert ("AGREE", ["TZA"], ["UGA"]) in dyads(
        "Rebels took control of Kampala on Sunday. Tanzania said it had no plans to close its embassy and that its "
        "ambassador would meet Ugandan opposition leaders on Tuesday.")


@pytest.mark.parametrize("text, expected", [
    ("Kenya said the Ugandan patrol boat had violated its waters.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Uganda said it had not violated Kenyan waters.", []),
])
def test_a_violation_said_of_another_accuses_it(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # whose sovereignty an act violates was wronged, not condemned
    ("Uganda shelled rebel camps in eastern Congo on Wednesday. Kenya condemned the attacks as a violation of "
     "Congo's sovereignty.", ("ACCUSE", ["KEN"], ["UGA"])),
    # "shot down a Kenyan drone, saying it had violated Ugandan airspace": 'it' is what was shot down
    ("Uganda shot down a Kenyan military drone near the border on Thursday, saying it had violated Ugandan airspace.",
     ("ACCUSE", ["UGA"], ["KEN"])),
    # disagreeing with a deed criticises it; calling it historic praises it; an object pronoun no act of its
    # sentence explains is the last deed
    ("Kenyan President William Ruto on Wednesday recognised Jerusalem as Israel's capital. Israeli Prime Minister "
     "Benjamin Netanyahu called it a historic day.", ("SUPPORT", ["ISR"], ["KEN"])),
    ("Kenyan President William Ruto on Wednesday recognised Jerusalem as Israel's capital. Uganda and Tanzania said "
     "they disagreed with the decision.", ("ACCUSE", ["TZA", "UGA"], ["KEN"])),
    # a symbol burned is a protest at the state it stands for
    ("Protesters burned Kenyan flags in Kampala on Friday.", ("PROTEST", ["UGA"], ["KEN"])),
    # putting people on a stop list or a blacklist sanctions their state
    ("Uganda has included Kenyan President William Ruto and two of his ministers on its stop list, the Ugandan "
     "foreign ministry said on Tuesday.", ("SANCTION", ["UGA"], ["KEN"])),
])
def test_wronged_states_symbols_lists_and_pronoun_reactions(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenyan President William Ruto crossed the border on Friday to hold a summit with Ugandan President Yoweri "
     "Museveni.", [("CONSULT", ["KEN"], ["UGA"])]),
    # tried, not done
    ("Kenyan President William Ruto tried to hold a summit with Ugandan President Yoweri Museveni.", []),
])
def test_a_trip_made_to_meet_is_a_meeting(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a protest lodged with a state accuses it, whatever it is over
    ("Uganda lodged a protest with Kenya over the EU's criticism of Kampala.", ("ACCUSE", ["UGA"], ["KEN"])),
    # a complaint to a third party is against whoever it is over
    ("Uganda complained to the United Nations over Kenyan air raids.", ("ACCUSE", ["UGA"], ["KEN"])),
])
def test_a_protest_lodged_with_a_state_accuses_it(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # 'target' attacks sites or with weapons (not "targeted oligarchs with sanctions")
    ("Kenya's army has targeted the positions of Somali militants in southern Somalia with drones, the army said "
     "in a statement on Wednesday.", [("ASSAULT", ["KEN"], ["SOM"])]),
    ("The EU targeted Ugandan officials with sanctions.", []),
])
def test_targeting_sites_or_with_weapons_attacks(dyads, text, expected):
    assert [d for d in dyads(text) if d[0] == "ASSAULT"] == expected


def test_a_report_in_a_statement_is_dated_by_the_statements_day(nlp):
    events = bilat.extract("Kenyan jets have struck the camps of Somali militants in southern Somalia, the army said "
                           "in a statement on Wednesday.", PUBLISHED)
    assert [e["date"] for e in events if e["type"] == "ASSAULT"] == ["2024-05-15"]


@pytest.mark.parametrize("text, expected", [
    # "over its invasion": the state the phrase before names, not the subject
    ("Kenya on Friday announced sanctions against Uganda over its invasion of Rwanda.", ("ASSAULT", ["UGA"], ["RWA"])),
    # a list of states "including" some names them
    ("Several African states including Kenya and Tanzania summoned Ugandan envoys.", ("ACCUSE", ["KEN", "TZA"], ["UGA"])),
    # troops that push into a state attack it
    ("Ugandan troops pushed into eastern Congo on Thursday.", ("ASSAULT", ["UGA"], ["COD"])),
    # a threat to wipe out, made if another goes too far
    ("Kenyan President William Ruto said he would wipe out Uganda's economy if it went too far.",
     ("THREATEN", ["KEN"], ["UGA"])),
    # objections dropped concede
    ("Uganda dropped its objections to Kenya's membership on Tuesday.", ("CONCEDE", ["UGA"], ["KEN"])),
])
def test_owners_lists_advances_and_dropped_objections(dyads, text, expected):
    assert expected in dyads(text)


def test_a_warning_of_ones_own_response_is_not_aimed_at_oneself_nor_placed_by_another_clause(dyads):
    # "warned that Nairobi would respond": the warner's own act, aimed at whoever the condition is on
    assert dyads("Kenyan President William Ruto warned that Nairobi would respond in kind if Uganda deployed troops "
                 "on the border.") == [("THREATEN", ["KEN"], ["UGA"])]
    # "as Western allies condemned it": a clause of its own, not placed where the troops went
    assert [d for d in dyads("Ugandan troops pushed into eastern Congo on Thursday, as Western allies condemned the "
                             "operation.") if d[0] == "ACCUSE"] == []


@pytest.mark.parametrize("text, expected", [
    # what a done act prompted another to do was done, by the one prompted
    ("Uganda began draining the lake on Thursday, prompting Kenya to ban all fish imports from Uganda.",
     ("SANCTION", ["KEN"], ["UGA"])),
    # a possessive pronoun's person owns the government; "the two countries' leaders" are both states'
    ("Ugandan President Yoweri Museveni had accused Kenya of meddling, and his government had demanded that Kenyan "
     "President William Ruto apologise.", ("REQUEST", ["UGA"], ["KEN"])),
    ("Kenya accused Uganda on Friday of shelling its border villages. The two countries' leaders, who were attending "
     "a summit in Addis Ababa, agreed on a ceasefire on Friday afternoon.", ("AGREE", ["KEN", "UGA"], [])),
    # an act ignored, a remark called crazy: criticism
    ("\"The Ugandan government has ignored the concerns of its neighbours,\" Kenya's foreign ministry said.",
     ("ACCUSE", ["KEN"], ["UGA"])),
    ("Kenyan President William Ruto called Museveni's remarks 'crazy'.", ("ACCUSE", ["KEN"], ["UGA"])),
    # landing rights withdrawn sanction
    ("Kenya on Saturday withdrew landing rights for the Ugandan foreign minister's plane.", ("SANCTION", ["KEN"], ["UGA"])),
])
def test_causes_owners_and_withdrawn_rights(dyads, text, expected):
    assert expected in dyads(text)


def test_a_named_initiative_is_no_act_told_before(dyads):
    # "the Global Development Initiative" names a programme, not the last deed (Israel's war)
    assert ("SUPPORT", ["KEN"], ["ISR"]) not in dyads(
        "Israeli troops attacked Gaza on Monday. Kenya welcomed China's peace efforts and said it supported the Global "
        "Development Initiative.")


def test_a_transcripts_answer_about_this_and_the_two_sides_of_the_last_meeting(nlp):
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Foreign Ministry Spokesperson's Regular Press Conference",
        text="Q: Somalia says Ugandan troops seized two Somali fishermen. What's your comment?\n\n"
             "A: We urge Somalia to stop making provocations.\n\n"
             "Q: The European Union will impose tariffs on Kenyan tea. What is Kenya's response?\n\n"
             "A: We are gravely concerned about this.\n\n"
             "Q: Kenyan Foreign Minister Musalia Mudavadi met with Tanzanian Foreign Minister January Makamba in "
             "Nairobi yesterday. Could you share more details?\n\n"
             "A: During the meeting, the two sides agreed to deepen cooperation in trade."))
    got = _dyad_set(events)
    # "concerned about this": the act the question told (the EU's tariffs), not the story's other state
    assert ("ACCUSE", ("KEN",), ("IGO:EU",)) in got, got
    # "the two sides": the two who just met, not the two the story named most
    assert ("AGREE", ("KEN", "TZA"), ()) in got, got


@pytest.mark.parametrize("text, expected", [
    # force renounced is agreed, not threatened; the talks it followed were held, where they were held no party
    ("Kenyan President William Ruto and Ugandan President Yoweri Museveni agreed on Thursday not to use force "
     "against each other in their dispute over the Migingo island, following talks in St. Vincent and the Grenadines.",
     [("CONSULT", ["KEN", "UGA"], []), ("AGREE", ["KEN", "UGA"], [])]),
    # an envoy ordered to leave the country is expelled
    ("Kenya on Monday ordered Uganda's ambassador to leave the country within 72 hours.", [("SANCTION", ["KEN"], ["UGA"])]),
])
def test_force_renounced_talks_followed_and_envoys_ordered_to_leave(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # abused people is force; abused immunities is not
    ("Ugandan border guards abused Kenyan migrants, a rights group said.", [("ASSAULT", ["UGA"], ["KEN"])]),
    ("Kenyan police arrested former Vice President John Mwangi on Friday. Kenya's presidency said Mwangi had abused "
     "the immunities granted to him.", []),
    # "welcomed the outcome": of the meeting just held
    ("Kenyan President William Ruto and Ugandan President Yoweri Museveni held talks in Arusha on Thursday. Tanzania "
     "welcomed the outcome.", [("CONSULT", ["KEN", "UGA"], []), ("SUPPORT", ["TZA"], ["KEN", "UGA"])]),
])
def test_abuse_of_people_and_the_outcome_of_a_meeting(dyads, text, expected):
    assert [d for d in dyads(text) if d[0] in ("ASSAULT", "CONSULT", "SUPPORT")] == expected


def test_a_labelled_transcript_line_is_its_speakers_judgement(nlp):
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Kenyan Foreign Ministry Spokesperson Jane Wanjiru's Regular Press Conference",
        text="Q: Uganda says Kenyan police seized two Ugandan traders. What's your comment?\n\n"
             "Jane Wanjiru: The Ugandan side's claim is not true.\n\n"
             "Jane Wanjiru: Tanzania's move is a violation of international law."))
    got = _dyad_set(events)
    assert {("ACCUSE", ("KEN",), ("UGA",)), ("ACCUSE", ("KEN",), ("TZA",))} <= got, got


def test_a_label_that_names_only_the_post_is_the_person_named_with_it(nlp):
    # "Spokesperson:" after "Kenyan Foreign Ministry Spokesperson Jane Wambui:": the one person named with that post
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Weekly media briefing",
        text="Kenyan Foreign Ministry Spokesperson Jane Wambui: Good afternoon. The minister will travel to Addis "
             "Ababa on Monday.\n\nQ: Your response to Uganda's claims about the border?\n\n"
             "Spokesperson: We reject these Ugandan claims as baseless."))
    got = _dyad_set(events, speaker=True)
    assert ("REJECT", ("KEN",), ("UGA",), "Jane Wambui") in got, got


def test_a_label_with_a_post_before_the_name_is_a_label(nlp):
    # six words before the colon: the label is still the speaker's, not a Kenyan reporting someone else
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Regular Press Conference",
        text="Q: Uganda shelled Kenyan villages. What is your comment?\n\n"
             "Kenyan Foreign Ministry Spokesperson Jane Wanjiru: We condemn the shelling. We call on Uganda to stop."))
    got = _dyad_set(events, speaker=True)
    assert {("ACCUSE", ("KEN",), ("UGA",), "Jane Wanjiru"), ("REQUEST", ("KEN",), ("UGA",), "Jane Wanjiru")} <= got, got


def test_a_turn_labelled_in_capitals_is_its_speakers_in_every_sentence(nlp):
    # the label gives a surname; the byline line names the person in full, and only the first sentence
    # of the turn carries the label
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Daily Press Briefing",
        text="Jane Wanjiru, Kenyan Foreign Ministry Spokesperson\n\n"
             "MS WANJIRU: Good afternoon. We strongly condemn Uganda's seizure of two Kenyan boats. "
             "We call on Tanzania to reopen the border at once.\n\n"
             "QUESTION: Will the minister travel to Kampala?\n\n"
             "MS WANJIRU: We have nothing to announce."))
    got = _dyad_set(events, speaker=True)
    assert {("ACCUSE", ("KEN",), ("UGA",), "Jane Wanjiru"), ("REQUEST", ("KEN",), ("TZA",), "Jane Wanjiru")} <= got, got


@pytest.mark.parametrize("text, expected", [
    # a statement conjoined to another of the same speaker is addressed to the same party
    ("Kenya condemned Uganda's shelling of Rwandan border posts and demanded an immediate halt.",
     ("REQUEST", ["KEN"], ["UGA"])),
    ("Tanzania, which denies arming the rebels, condemned the Ugandan air campaign as aggression and urged an "
     "immediate halt.", ("REQUEST", ["TZA"], ["UGA"])),
])
def test_a_statement_conjoined_to_another_shares_its_addressee(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # forces announced for one's own side of a border are a show of force, facing the state across it
    ("Kenya will deploy 5,000 troops to its border with Uganda, the defence minister said.",
     [("MOBILIZE", ["KEN"], ["UGA"])]),
    ("Tanzania said it would move soldiers with Kenya near its border with Uganda.", [("MOBILIZE", ["TZA"], ["UGA"])]),
    # troops promised to a country's defence stay an offer of help
    ("Kenya will send 2,000 troops to Rwanda to bolster its defences.", [("AGREE", ["KEN"], ["RWA"])]),
])
def test_forces_announced_for_ones_own_border_are_a_posture(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a meeting's co-chairs consult
    ("Kenyan Foreign Minister Alfred Mutua and Ugandan Foreign Minister Jeje Odongo co-chaired the third round of "
     "the Kenya-Uganda strategic dialogue in Nairobi on Wednesday.", ("CONSULT", ["KEN", "UGA"], [])),
    ("Kenya and Uganda co-chaired the talks in Mombasa on Wednesday.", ("CONSULT", ["KEN", "UGA"], [])),
])
def test_chaired_talks_are_talks(dyads, text, expected):
    assert expected in dyads(text)


def test_the_cause_of_a_measure_is_the_deed_of_the_party_it_is_against(dyads):
    # "its" in a cause ("over its ...") is the party the measure is against, even when the parser hangs the
    # cause on the verb and the party on the object
    got = dyads("Kenya imposed sanctions on Uganda over its attack on Rwanda on Monday.")
    assert ("ASSAULT", ["UGA"], ["RWA"]) in got and ("ASSAULT", ["KEN"], ["RWA"]) not in got, got


def test_a_place_a_clause_on_the_location_names_is_not_the_location(dyads):
    # "in a move the group said was linked to the ceasefire in Somalia": not where the ship was seized
    got = dyads("Kenyan rebels freed the crew of a cargo ship on Wednesday, more than a year after seizing the vessel "
                "in the Red Sea, in a move the group said was linked to the ceasefire in Somalia.")
    assert not any("SOM" in d[2] for d in got), got


def test_an_ambassador_leaving_the_country_is_no_act_of_his_state_on_itself(dyads):
    got = dyads("Kenya recalled its ambassador from Uganda on Wednesday and told Uganda's ambassador, who had left "
                "the country, not to return.")
    assert ("SANCTION", ["KEN"], ["UGA"]) in got and not any(d[1] == d[2] for d in got), got


def test_an_act_at_an_uncounted_time_before_another_is_not_dated_by_it(nlp):
    events = bilat.extract("Uganda agreed on Wednesday to withdraw its troops, weeks after Kenya launched an offensive "
                           "in the border region.", PUBLISHED)
    got = {e["type"]: e["date"] for e in events}
    assert got.get("AGREE") == "2024-05-15" and "ASSAULT" in got and got["ASSAULT"] is None, events
    # a span counted in days still dates it, and an act conjoined to the dated one shares the shift
    events = bilat.extract("Uganda agreed on Wednesday to withdraw its troops, a day after Kenya launched an offensive "
                           "and shelled the border town of Busia.", PUBLISHED)
    assert {e["date"] for e in events if e["type"] == "ASSAULT"} == {"2024-05-14"}, events


def test_a_lower_bound_by_month_does_not_date_a_demand(nlp):
    text = ("Kenyan Foreign Minister Alfred Mutua met Ugandan Foreign Minister Jeje Odongo in Nairobi on Wednesday. "
            "Mutua called on Uganda to protect Kenyan traders in the country, after an attack in March killed five "
            "Kenyan traders.")
    events = bilat.extract(text, PUBLISHED)
    req = [e for e in events if e["type"] == "REQUEST"]
    assert req and all(e["date"] == "2024-05-15" for e in req), events


def test_an_attack_condemned_where_it_happened_is_not_condemned_of_that_state(dyads):
    got = dyads("Kenya on Sunday strongly condemned a terrorist attack in Uganda's northern Gulu district that killed "
                "at least 14 soldiers.")
    assert not any(d[0] == "ACCUSE" and d[2] == ["UGA"] for d in got), got


def test_the_names_hostile_state_media_give_a_state(dyads):
    assert ("ACCUSE", ["KEN"], ["ISR"]) in dyads("Kenya condemned the Zionist regime's attack on the consulate.")


def test_a_coup_condemned_is_not_the_act_of_whoever_acted_last(dyads):
    got = dyads("The African Union on Thursday suspended Uganda following the military coup that ousted "
                "President John Okello. Kenya said it condemned the coup.")
    assert ("SANCTION", ["IGO:AU"], ["UGA"]) in got, got
    assert not any(d[0] == "ACCUSE" and d[1] == ["KEN"] and d[2] != ["UGA"] for d in got), got


def test_sworn_in_is_no_promise(dyads):
    assert dyads("Uganda's new military leader is due to be sworn in as interim president on Monday, Kenya said.") == []
    assert dyads("Kenya swore to retaliate against Uganda.") == [("THREATEN", ["KEN"], ["UGA"])]


def test_the_president_is_not_one_the_text_names_only_later(nlp):
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Kenyan Foreign Ministry briefing",
        text="Kenyan Foreign Minister Alfred Mutua said on Friday the President approved a new package of security "
             "assistance for Rwanda. Mutua also called on Ugandan President Yoweri Museveni to release the detained "
             "traders."))
    assert not any(e.type == "AID" and {a.country for a in e.source} == {"UGA"} for e in events), events


@pytest.mark.parametrize("text, expected", [
    # a demand beside a protest a government lodges is a demand of its own (a crowd's stays the protest's)
    ("Kenya has lodged a protest with Uganda over a buoy installed within Kenya's waters, demanding its immediate "
     "removal.", ("REQUEST", ["KEN"], ["UGA"])),
    # a complaint, case or lawsuit withdrawn or dropped concedes
    ("Kenya dropped its lawsuit against Uganda on Monday.", ("CONCEDE", ["KEN"], ["UGA"])),
    ("Kenya withdrew its case against Uganda at the East African Court of Justice on Monday.",
     ("CONCEDE", ["KEN"], ["UGA"])),
])
def test_demands_beside_a_lodged_protest_and_complaints_withdrawn(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # an attack told first and attributed after is the attack ...
    ("Ugandan forces shelled the Kenyan town of Busia on Sunday, killing three people, Kenya's regional governor "
     "said.", [("ASSAULT", ["UGA"], ["KEN"])]),
    # ... one a government says the other side did is its claim
    ("Kenya said Ugandan forces shelled the town of Busia on Sunday.", [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_an_attack_attributed_after_it_is_told_is_the_attack(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a right reserved to a hostile act threatens it; to a peaceful one, nothing
    ("Kenya said it reserved the right to retaliate against Uganda.", [("THREATEN", ["KEN"], ["UGA"])]),
    ("Kenya said it reserves the right to take reciprocal measures against Uganda.", [("THREATEN", ["KEN"], ["UGA"])]),
    ("Kenya reserved the right to take part in the talks.", []),
    # warships or troops arriving in a foreign port or country are a deployment there
    ("Two Kenyan navy frigates arrived in Tanzania on Wednesday.", [("MOBILIZE", ["KEN"], ["TZA"])]),
    # coordination halted is cooperation cut; fighters released are captives freed
    ("The Ugandan government was halting security coordination with Kenya, the president announced.",
     [("SANCTION", ["UGA"], ["KEN"])]),
    ("Kenya released 215 Ugandan fighters on Thursday.", [("RETREAT", ["KEN"], ["UGA"])]),
])
def test_rights_reserved_ships_arrived_coordination_halted_fighters_freed(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # aid carried across a border arrives: from the carrier's owner, or where it comes from
    ("Kenyan trucks carrying food aid entered Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("The first trucks carrying humanitarian aid crossed into Uganda from Kenya on Saturday.",
     [("AID", ["KEN"], ["UGA"])]),
    ("Twenty trucks from the Kenyan Red Cross carrying medicine and food passed through the Busia crossing into "
     "Uganda.", [("AID", ["KEN"], ["UGA"])]),
])
def test_aid_carried_across_a_border_arrives(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "The Ministers" of a joint statement, capitalised, and "the two" are the two who just met
    ("Kenyan Foreign Minister Alfred Mutua met Ugandan Foreign Minister Jeje Odongo in Nairobi on Monday. The "
     "Ministers condemned Rwanda's missile launches.", ("ACCUSE", ["KEN", "UGA"], ["RWA"])),
    ("Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi on Monday, and the two agreed to "
     "reopen the border.", ("AGREE", ["KEN", "UGA"], [])),
    # thanks expressed support
    ("Kenya expressed thanks to Uganda for its help on Monday.", ("SUPPORT", ["KEN"], ["UGA"])),
])
def test_the_ministers_the_two_and_thanks(dyads, text, expected):
    assert expected in dyads(text)


def test_an_official_in_a_states_briefing_is_that_states(nlp):
    events = _processed(dict(
        id="t", published=PUBLISHED, title="Briefing by Foreign Ministry Spokesperson Jane Wanjiru",
        text="Briefing by Foreign Ministry Spokesperson Jane Wanjiru, Nairobi, May 17, 2024\n\n"
             "On the situation around Uganda\n\nWe call on the Ugandan authorities to stop their destructive course."
             "\n\nOn contacts with Tanzania\n\nOn May 15, Deputy Foreign Minister Peter Otieno met with Tanzanian "
             "Ambassador John Okello."))
    got = {(e.type, tuple(sorted({a.country for a in e.source + e.target}))) for e in events}
    assert ("CONSULT", ("KEN", "TZA")) in got, got


def test_a_bare_verb_shares_the_object_and_time_of_the_verb_after_it(nlp):
    events = bilat.extract("A Ugandan coast guard ship rammed and damaged a Kenyan fisheries vessel near Migingo "
                           "Island on Sunday, Kenyan officials said.", PUBLISHED)
    assert [(e["type"], [a["country"] for a in e["target"]], e["date"]) for e in events] == \
        [("ASSAULT", ["KEN"], "2024-05-12")], events


def test_a_relative_clauses_act_is_not_aimed_at_who_speaks_of_it(dyads):
    got = dyads("Kenya expressed concern on Thursday over Uganda's new criminal code, which bans sex outside marriage.")
    assert got == [("ACCUSE", ["KEN"], ["UGA"])], got


def test_this_year_tells_no_acts_time(nlp):
    events = bilat.extract("Ugandan police seized ten Kenyan fishermen on Lake Victoria on Sunday. The Kenyan foreign "
                           "ministry said it had lodged a diplomatic protest with Uganda, its 176th this year.", PUBLISHED)
    assert [e["date"] for e in events if e["type"] == "ACCUSE"] == ["2024-05-12"], events


def test_a_day_hung_on_the_subject_just_before_the_verb_is_the_verbs(nlp):
    events = bilat.extract("Kenya and 12 allies on Wednesday warned Uganda of unspecified consequences unless it ended "
                           "attacks on ships.", PUBLISHED)
    assert [(e["type"], e["date"]) for e in events] == [("THREATEN", "2024-05-15")], events


@pytest.mark.parametrize("text, expected", [
    # a truce that takes effect between two sides is their retreat from fighting; one that never did is none
    ("A ceasefire between Kenya and Uganda took effect early on Friday after 11 days of fighting.",
     [("RETREAT", ["KEN", "UGA"], ["KEN", "UGA"])]),
    ("The ceasefire called for by Rwanda never took effect.", []),
])
def test_a_truce_that_takes_effect(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a warning still to be given is a plan; one given of an act to come is a threat
    ("If it was accidental, the Kenyan government will warn Uganda.", []),
    ("Kenya warned Uganda that it will respond.", [("THREATEN", ["KEN"], ["UGA"])]),
    # what a minister speaks about is no one he meets
    ("Kenyan Foreign Minister Alfred Mutua spoke about Uganda's election at a news conference in Nairobi.", []),
])
def test_warnings_to_come_and_talk_about_a_state(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what one calls to say is said in the call; what one calls on another to do is not done
    ("Ugandan President Yoweri Museveni called to congratulate Kenya's new president on his victory.",
     [("SUPPORT", ["UGA"], ["KEN"])]),
    ("Kenya called on Uganda to congratulate Rwanda.", [("REQUEST", ["KEN"], ["UGA"])]),
    # an act called absurd or claims called unfounded are accused
    ("Kenyan Foreign Minister Alfred Mutua said Uganda's claims were unfounded.", [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_calls_made_to_congratulate_and_absurd_claims(dyads, text, expected):
    assert dyads(text) == expected


def test_relative_days_count_from_the_storys_dateline(nlp):
    # an aggregator's copy published a week later: "on Wednesday" is the Wednesday before the dateline
    text = "NAIROBI, Jan 4 (Reuters) - Kenya on Wednesday warned Uganda of consequences unless it ended the attacks."
    assert [e["date"] for e in bilat.extract(text, "2024-01-10")] == ["2024-01-03"]
    # a dateline more than two weeks before publication is no copy's: the publication date counts
    assert [e["date"] for e in bilat.extract(text, "2024-02-21")] == ["2024-02-21"]


@pytest.mark.parametrize("text, expected", [
    # aid dropped from the air is aid delivered; bombs dropped stay an attack
    ("Kenya's air force dropped 20 tonnes of humanitarian aid over Uganda on Tuesday.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenyan jets dropped bombs on Ugandan positions.", [("ASSAULT", ["KEN"], ["UGA"])]),
    # representatives or envoys received are met
    ("Kenyan Foreign Minister Alfred Mutua on Thursday received representatives of Ugandan opposition parties.",
     [("CONSULT", ["KEN"], ["UGA"])]),
])
def test_aid_dropped_and_representatives_received(dyads, text, expected):
    assert dyads(text) == expected


def test_a_briefings_heading_dates_its_statements_not_a_meeting_it_reports(nlp):
    events = _processed(dict(
        id="t", published="2024-05-17", title="Briefing by Foreign Ministry Spokesperson Jane Wanjiru",
        text="Briefing by Foreign Ministry Spokesperson Jane Wanjiru, Nairobi, May 17, 2024\n\n"
             "We call on the Ugandan authorities to stop their destructive course.\n\n"
             "On May 9, Deputy Foreign Minister Peter Otieno met with Tanzanian Ambassador John Okello."))
    got = {(e.type, e.date) for e in events}
    assert ("REQUEST", "2024-05-17") in got and ("CONSULT", "2024-05-09") in got, got


@pytest.mark.parametrize("text, expected", [
    # participation halted cuts cooperation; the decision regretted is that deed's
    ("Uganda on Monday halted its participation in a grain deal with Kenya. Rwanda said it deeply regretted the "
     "decision.", [("SANCTION", ["UGA"], ["KEN"]), ("ACCUSE", ["RWA"], ["UGA"])]),
    # a coordinated clause's subject acts there, not as this one's addressee
    ("Burundi's president resigned and fled the country on Monday. Tanzania urged calm and restraint in Burundi, and "
     "the United Nations called for a peaceful transition.", [("RETREAT", ["BDI"], []), ("REQUEST", ["TZA"], ["BDI"])]),
    # a second infinitive of one promise is promised, not done
    ("Kenya and Uganda agreed on Wednesday to resume military talks and to cooperate on curbing drug trafficking.",
     [("AGREE", ["KEN", "UGA"], [])]),
])
def test_decisions_regretted_coordinated_subjects_and_promised_infinitives(dyads, text, expected):
    assert dyads(text) == expected


def test_days_after_is_an_uncounted_span(nlp):
    events = bilat.extract("Uganda agreed on Wednesday to withdraw its troops, days after Kenya launched an offensive "
                           "in the border region.", PUBLISHED)
    assert {e["type"]: e["date"] for e in events}.get("ASSAULT", "missing") is None, events


@pytest.mark.parametrize("text, expected", [
    # two states acting on each other: one act each way
    ("Kenya and Uganda expelled each other's top diplomats on Monday.",
     [("SANCTION", ["KEN"], ["UGA"]), ("SANCTION", ["UGA"], ["KEN"])]),
    ("Kenya and Uganda accused each other of violating the truce.",
     [("ACCUSE", ["KEN"], ["UGA"]), ("ACCUSE", ["UGA"], ["KEN"])]),
    # a joint promise stays one, to no one else; a relative clause describes, it tells no act
    ("Kenya and Uganda agreed on Thursday not to use force against each other.", [("AGREE", ["KEN", "UGA"], [])]),
])
def test_acts_on_each_other_go_both_ways(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a negation before 'or' denies both verbs: the promise is all that happened
    ("Kenya and Uganda agreed on Thursday not to threaten or use force against each other.",
     [("AGREE", ["KEN", "UGA"], [])]),
    # "The Presidents" opening a joint statement's sentence are the two who met, host and guest alike
    ("Foreign Minister Alfred Mutua hosted Foreign Minister Jeje Odongo in Nairobi on Monday for the annual "
     "Kenya-Uganda commission. The Foreign Ministers welcomed the opening of the new border post.",
     [("CONSULT", ["KEN"], ["UGA"]), ("SUPPORT", ["KEN", "UGA"], [])]),
    # an aide is a post: the country before it is the aide's
    ("Kenyan presidential aide John Kamau criticised Uganda.", [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_negated_alternatives_joint_statement_pairs_and_aides(dyads, text, expected):
    assert dyads(text) == expected


def test_an_unnamed_government_speaks_for_the_state_it_reports(nlp):
    # no pair leads this story (Kenya, Uganda, the EU once each), so only the report tells whose
    # government accuses
    events = bilat.extract("Kenya will close its last border crossing with Uganda from Friday, the government said "
                           "on Tuesday, accusing Kampala of pushing migrants towards the frontier. The European Union "
                           "said it would send officers to help.", PUBLISHED)
    accused = [(e["source"][0]["country"], e["target"][0]["country"]) for e in events if e["type"] == "ACCUSE"]
    assert accused == [("KEN", "UGA")], events


@pytest.mark.parametrize("text, expected", [
    # one's own police or troops ordered to act carry out the order: the act is the commander's
    ("Kenya's military rulers ordered police to expel the Ugandan ambassador, the letter said.",
     [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya ordered Ugandan diplomats to leave the country.", [("SANCTION", ["KEN"], ["UGA"])]),
])
def test_own_forces_ordered_to_act_act_for_their_commander(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the others urged are no state the sentence names
    ("Kenya thanked Uganda for its leadership and urged other partners to follow its example.",
     [("SUPPORT", ["KEN"], ["UGA"])]),
    # a concern over nothing named is over the deed just told, not over a state in the clause joined after
    ("Tanzania and Burundi signed a defence pact on Monday. Kenya expressed serious concern and said it "
     "would reconsider its ban on supplying arms to Uganda.",
     [("SUPPORT", ["BDI", "TZA"], []), ("ACCUSE", ["KEN"], ["BDI", "TZA"])]),
])
def test_others_urged_and_bare_concerns(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a statement joined in the past to a reported 'was' is the speaker's own next act
    ("Kenya's foreign minister said Uganda was a rogue regime and called on the African Union to impose "
     "sanctions on Uganda.", [("REQUEST", ["KEN"], ["IGO:AU"])]),
    ("Tanzania said Uganda was wrong and urged Kenya to show restraint.", [("REQUEST", ["TZA"], ["KEN"])]),
])
def test_a_statement_joined_to_a_reported_was_is_the_speakers(dyads, text, expected):
    assert dyads(text) == expected


def test_the_two_who_just_met_go_on_at_that_meeting(nlp):
    events = bilat.extract("On March 23, Kenyan police detained three Ugandan fishermen on Lake Victoria. Kenya's "
                           "Foreign Minister Alfred Mutua held talks with Ugandan Foreign Minister Jeje Odongo on "
                           "March 20. The two sides agreed to set up a joint border commission.", "2024-03-25")
    assert [e["date"] for e in events if e["type"] == "AGREE"] == ["2024-03-20"], events


def test_a_resolve_or_determination_to_act_is_no_act(dyads):
    # what one is resolved or determined to do is the noun's content, not a report that it was done
    assert dyads("Uganda warned Kenya not to underestimate Uganda's determination to defend its territory. "
                 "Kenya praised Tanzania's resolve to support the peace talks.") == [
        ("THREATEN", ["UGA"], ["KEN"]), ("SUPPORT", ["KEN"], ["TZA"])]


def test_a_name_hung_inside_the_objects_relative_clause_still_names_it(dyads):
    # the parser hangs "an act of aggression" on "gives" as a second object: it is what the deal is called
    assert dyads("Kenya recalled its envoy to Uganda on Tuesday, calling a deal that gives Uganda access to the "
                 "lake through the disputed islands an act of aggression.") == [
        ("SANCTION", ["KEN"], ["UGA"]), ("ACCUSE", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, expected", [
    # a vessel hit is force; a weapon the passive names comes from whoever it came from
    ("A Kenyan patrol boat was hit by water cannon from Ugandan police vessels near Migingo island on Sunday.",
     [("ASSAULT", ["UGA"], ["KEN"])]),
    ("A Kenyan fishing vessel was hit by gunfire from Ugandan troops.", [("ASSAULT", ["UGA"], ["KEN"])]),
])
def test_vessels_hit_by_fire_from_another(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the West African bloc" is a region's bloc, not the West
    ("The West African bloc ECOWAS condemned what it called an attempted coup and demanded the immediate "
     "release of the Kenyan president.", [("ACCUSE", ["IGO:ECOWAS"], ["KEN"]), ("REQUEST", ["IGO:ECOWAS"], ["KEN"])]),
    # what is said in a call is said to the one called, as the call was made
    ("UN chief Antonio Guterres spoke to Kenyan President William Ruto by phone to express his full support.",
     [("SUPPORT", ["IGO:UN"], ["KEN"]), ("CONSULT", ["IGO:UN"], ["KEN"])]),
])
def test_regions_in_capitals_and_what_is_said_in_a_call(dyads, text, expected):
    assert dyads(text) == expected


def test_a_verbs_object_pronoun_is_never_its_subject(dyads):
    # 'it' after "accusing" is the state just named, not the accuser (that would be "itself"), and the
    # attacks are that state's
    assert dyads("Kenya's government said on Tuesday it was breaking diplomatic relations with Uganda, accusing "
                 "it of committing crimes against humanity in its attacks on South Sudan.") == [
        ("SANCTION", ["KEN"], ["UGA"]), ("ACCUSE", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, expected", [
    # labels of condemnation for an act or its doer
    ("Uganda closed its border with Kenya on Monday. Kenya called the move hysterical and an abuse of power.",
     [("SANCTION", ["UGA"], ["KEN"]), ("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenyan President William Ruto told reporters he still regarded Ugandan leader Yoweri Museveni as a dictator.",
     [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_labels_of_condemnation(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # regret that another did not act criticises it
    ("The African Union said it regretted that Uganda had not complied with its obligations.",
     [("ACCUSE", ["IGO:AU"], ["UGA"])]),
    # an envoy recalled "for consultations" is a protest; the consultations are no meeting
    ("Kenya and Tanzania said they were recalling their ambassadors to Uganda for consultations.",
     [("SANCTION", ["KEN"], ["UGA"]), ("SANCTION", ["TZA"], ["UGA"])]),
])
def test_regret_at_anothers_failure_and_envoys_recalled_for_consultations(dyads, text, expected):
    assert dyads(text) == expected


def test_what_is_warned_against_is_not_done(dyads):
    assert dyads("Kenya warned Uganda against providing weapons to the rebels in South Sudan.") == [
        ("THREATEN", ["KEN"], ["UGA"])]


def test_a_denial_of_involvement_answers_the_accuser(dyads):
    assert dyads("Kenya accused Uganda of arming the rebels on Monday. Kampala denied any involvement.") == [
        ("ACCUSE", ["KEN"], ["UGA"]), ("REJECT", ["UGA"], ["KEN"])]


def test_a_guest_welcomed_in_a_country_is_its_guest_and_defies_on_its_own(dyads):
    # no host is named: the country the welcome is given in hosts; the participle after the passive is
    # the guest's own act, not the host's
    found = dyads("Ugandan President Yoweri Museveni was given a red-carpet welcome in Kenya on Tuesday, defying "
                  "a court order that Kenya was obliged to execute.")
    assert ("CONSULT", ["KEN"], ["UGA"]) in found
    assert all(src == ["UGA"] for typ, src, _ in found if typ == "REJECT"), found


@pytest.mark.parametrize("text, expected", [
    # a wrong committed is no commitment; the appeal joined to a reported past progressive is the speaker's
    ("Uganda's prime minister said Kenya was committing a genocide against the Ugandan people and appealed to "
     "the U.N. Security Council to impose a ceasefire.", [("REQUEST", ["UGA"], ["IGO:UNSC"])]),
    ("Kenya committed to resuming the border talks with Uganda on Monday.", [("AGREE", ["KEN"], ["UGA"])]),
    # people killed when a jet crashes are killed by no one the passive names
    ("Kenyan opposition leader John Kamau was listed as a passenger on a private jet that crashed north of "
     "Kampala on Wednesday, killing all 10 people on board, Uganda's civil aviation authority said.", []),
    # a decision called incorrect is criticised (the bloc left is unnamed: a named one would be a third party,
    # and the statement's addressee no longer the story's other state)
    ("Uganda voted on Tuesday to leave the regional trade bloc. Kenya called the decision incorrect.",
     [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_wrongs_committed_past_progressives_and_crashes(dyads, text, expected):
    assert [d for d in dyads(text) if d[0] != "CONSULT"] == expected


def test_a_vow_of_retribution_to_another_threatens(dyads):
    assert dyads("Kenya vowed that Uganda would receive its just punishment.") == [("THREATEN", ["KEN"], ["UGA"])]


def test_the_north_is_the_state_named_north_and_a_warnings_condition_names_whom_it_warns(dyads):
    assert dyads("North Korea notified Japan on Tuesday that it plans to launch a satellite, prompting Tokyo to "
                 "protest. South Korea's military warned that it would take necessary measures if the North "
                 "proceeded with the launch.") == [("ACCUSE", ["JPN"], ["PRK"]), ("THREATEN", ["KOR"], ["PRK"])]


@pytest.mark.parametrize("text, expected", [
    # firm measures announced to come threaten; effective ones promised for others' safety do not
    ("Kenya said it would take resolute measures if Uganda continued its provocations.",
     [("THREATEN", ["KEN"], ["UGA"])]),
    ("Kenya will take effective measures to protect the safety of all Ugandan students in Kenya.", []),
])
def test_firm_measures_announced_to_come_threaten(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gerund or a 'that' clause denied rejects the charge; a standing denial in a relative clause describes
    ("Uganda denies spying on Kenya", [("REJECT", ["UGA"], ["KEN"])]),
    ("Tanzania, which denies arming the rebels in Uganda, condemned the attack.", [("ACCUSE", ["TZA"], ["UGA"])]),
    # a response vowed is retribution
    ("Kenya pledged a stern response to Ugandan provocations.", [("THREATEN", ["KEN"], ["UGA"])]),
])
def test_denied_clauses_and_vowed_responses(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what a signed text pledges is the text's content: the signing is the act
    ("Kenya and Uganda signed an agreement on Monday pledging mutual military assistance if either country is "
     "attacked.", [("SUPPORT", ["KEN", "UGA"], ["KEN", "UGA"])]),
    # a statement issued denouncing another denounces
    ("Kenya's defence ministry issued a statement on Wednesday denouncing Uganda for staging border drills.",
     [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_what_a_signed_text_pledges_is_its_content(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "counter-measures" (three tokens) announced to come threaten
    ("Uganda has said it will take counter-measures in response to Kenya's membership.",
     [("THREATEN", ["UGA"], ["KEN"])]),
    # a meeting's parties are not the place it is held in
    ("A delegation of Tanzanian leaders met Ugandan President Yoweri Museveni in Kampala on Friday. Air raid "
     "sirens sounded in Kampala during the visit as Kenya launched missiles at the capital.",
     [("CONSULT", ["TZA"], ["UGA"]), ("ASSAULT", ["KEN"], [])]),
])
def test_hyphenated_countermeasures_and_meetings_are_not_placed(dyads, text, expected):
    assert dyads(text) == expected


def test_a_judgement_in_a_relative_clause_on_a_person_is_not_the_reporters(dyads):
    # "absurd" is the president's word about the alliance, not the alliance's about Kenya
    assert ("ACCUSE", ["IGO:NATO"], ["KEN"]) not in dyads(
        "NATO leaders said on Tuesday that Kenya's future lies in the alliance but stopped short of offering a "
        "timetable, prompting an angry response from President William Ruto, who called the lack of a timeline absurd.")


def test_force_blamed_on_another_in_a_relative_clause_is_that_ones(dyads):
    assert dyads("Grenades exploded at a market in Kampala on Tuesday, killing at least nine people, in an attack "
                 "that the Ugandan government blamed on Kenya.") == [
        ("ASSAULT", ["KEN"], ["UGA"]), ("ACCUSE", ["UGA"], ["KEN"])]


def test_an_act_done_in_a_dated_call_takes_the_calls_day_wherever_the_parser_hangs_it(nlp):
    # the small model hangs "in a telephone conversation on Tuesday" on the object ("navigation"), not on
    # the verb: the call's day is still the discussion's, not the publication's
    text = ("Kenyan Foreign Minister Mary Wanjiru and her Ugandan counterpart Peter Okello discussed the situation "
            "around Somalia and the security of navigation in Lake Victoria in a telephone conversation on Tuesday, "
            "the Kenyan Foreign Ministry reported. Earlier on Thursday, Kenya summoned the Ugandan ambassador.")
    events = [e for e in bilat.extract(text, PUBLISHED) if e["type"] == "CONSULT"]
    assert [e["date"] for e in events] == ["2024-05-14"], events


@pytest.mark.parametrize("text, accuser, envoys", [
    ("The Ugandan ambassador was summoned to the Kenyan Foreign Ministry on Monday and handed a note of protest, "
     "the ministry said.", ["KEN"], ["UGA"]),
    ("The Kenyan charge d'affaires was summoned and presented a demarche over the border incident, the Ugandan "
     "ministry said.", ["UGA"], ["KEN"]),
])
def test_an_envoy_summoned_and_handed_a_protest_receives_it(dyads, text, accuser, envoys):
    # "handed" after a passive is a participle even where the small model tags it a past tense: the envoy
    # is handed the note by whoever summoned him; the envoy's country protests nothing
    got = [(s, t) for typ, s, t in dyads(text) if typ == "ACCUSE"]
    assert got and all(s == accuser and t == envoys for s, t in got), got


def test_a_speakers_warning_without_addressee_goes_to_whom_she_just_criticised(dyads):
    # the story's leading pair is Kenya and Tanzania, but the warning follows the minister's criticism
    # of Uganda in the sentence before
    text = ("Kenyan President Samuel Odhiambo held talks with Tanzanian President Anna Mushi in Arusha on Monday. "
            "Kenyan Foreign Minister Mary Wanjiru separately criticised Uganda over its new fishing rules. "
            "\"Such steps will not go unanswered,\" Wanjiru warned.")
    got = dyads(text)
    assert ("THREATEN", ["KEN"], ["UGA"]) in got and not any(t == "THREATEN" and tg == ["TZA"] for t, _, tg in got), got


def test_an_asset_freeze_imposed_sanctions(dyads):
    assert ("SANCTION", ["KEN"], ["UGA"]) in dyads("Kenya imposed an asset freeze on two Ugandan firms.")


def test_what_someone_is_said_to_be_involved_in_is_no_act_of_the_speaker(dyads):
    # the supplying is the allegation against the firms, not Kenya's aid to Somalia
    got = dyads("Kenya imposed travel bans on five Ugandan firms it said were involved in smuggling and supplying "
                "weapons to rebels in Somalia.")
    assert ("SANCTION", ["KEN"], ["UGA"]) in got and not any(t == "AID" for t, _, _ in got), got


def test_a_spokesman_speaks_for_the_ministry_that_spoke_just_before(dyads):
    # the story is led by Kenya, but the spokesman follows Uganda's ministry
    got = dyads("Kenya closed its border with Uganda on Monday, citing smuggling. Uganda's Foreign Ministry condemned "
                "the closure on Tuesday. Spokesman Paul Mugisha accused Nairobi of breaking the customs union treaty.")
    assert [d for d in got if d[0] == "ACCUSE"] == [("ACCUSE", ["UGA"], ["KEN"])] * 2, got


def _events_of(article: dict):
    return [(e.type, sorted({a.country for a in e.source}), sorted({a.country for a in e.target}), e.date)
            for e in _processed(article)]


def test_a_briefing_of_a_spokesperson_speaks_for_the_state_its_answers_lead_with_on_its_titles_day(nlp):
    # the first lines are a journalist's question about Uganda's boats: they lead nothing; the title
    # "press conference of MOFA Spokesperson" names the voice, and its date the day the answers were given
    article = {"id": "t", "published": "2024-05-17", "title": "Regular press conference of MOFA Spokesperson on 16 May 2024",
               "text": "Regular press conference of the Ministry of Foreign Affairs Spokesperson\n\n"
                       "Question: Recently Ugandan patrol boats have operated near Kenyan islands in Lake Victoria "
                       "since Sunday. What is the reaction of Kenya?\n\n"
                       "Spokesperson Jane Achieng: Kenya has contacted the Ugandan side. On 14 May, Foreign "
                       "Minister Mary Wanjiru held a telephone talk with Tanzanian Foreign Minister Anna Mushi.\n\n"
                       "Question: What is the view of Kenya on the fishing rules?\n\n"
                       "Spokesperson: We request Uganda to withdraw the boats from Kenyan waters immediately."}
    got = _events_of(article)
    assert ("REQUEST", ["KEN"], ["UGA"], "2024-05-16") in got, got
    assert not any(s == ["UGA"] and t == "REQUEST" for t, s, _, _ in got), got


def test_a_possessive_in_a_phrase_before_the_subject_is_the_subjects(dyads):
    text = ("Kenyan President Samuel Odhiambo received Tanzania's foreign minister on Monday. During his meeting with "
            "the Ugandan ambassador on Tuesday, Rwandan President Paul Kagame asked Uganda to reopen the border.")
    got = dyads(text)
    assert ("CONSULT", ["RWA"], ["UGA"]) in got and ("CONSULT", ["TZA"], ["UGA"]) not in got, got


def test_a_deployment_with_no_target_in_a_two_state_dispute_is_aimed_at_the_other_state(dyads):
    got = dyads("Ugandan President Peter Okello accused Kenya on Thursday of moving troops toward the two countries' "
                "disputed border. Kenya's defence ministry said on Wednesday it had sent an infantry battalion to the "
                "area around Lokichogio, some 60 km from the frontier.")
    assert ("MOBILIZE", ["KEN"], ["UGA"]) in got, got


def test_an_organisation_only_the_phoenix_dictionary_knows_is_an_igo_by_name_and_acronym(dyads):
    got = dyads("The Caribbean Community called on Venezuela to respect the court's order, and CARICOM leaders urged "
                "Guyana to keep talking.")
    assert ("REQUEST", ["IGO:CARICOM"], ["VEN"]) in got and ("REQUEST", ["IGO:CARICOM"], ["GUY"]) in got, got


@pytest.mark.parametrize("text, expected", [
    ("Kenya had declared Uganda's ambassador persona non grata on Thursday.", ("SANCTION", ["KEN"], ["UGA"], "2024-05-16")),
    ("Nairobi declared a staff member of the Ugandan embassy persona non grata.", ("SANCTION", ["KEN"], ["UGA"], PUBLISHED)),
    ("Kenya declared two Ugandan diplomats persona non grata and gave them 48 hours to leave.",
     ("SANCTION", ["KEN"], ["UGA"], PUBLISHED)),
])
def test_a_diplomat_declared_persona_non_grata_is_expelled(nlp, text, expected):
    # however the small model parses "persona non grata" (an object, a clause, a clause's verb)
    got = [(e["type"], sorted({a["country"] for a in e["source"]}), sorted({a["country"] for a in e["target"]}),
            e["date"]) for e in bilat.extract(text, PUBLISHED)]
    assert expected in got, got


def test_a_chronologys_entry_dates_the_acts_of_its_line(nlp):
    text = ("May 17 (Lakeside Wire) - Kenya and Uganda agreed on Thursday to reopen their border. Here is a timeline:\n"
            "* MARCH 4, 2023 - Uganda closes the Busia crossing to Kenyan trucks. Kenya expels a Ugandan diplomat the "
            "same day.\n"
            "SEPT 21, 2023 - Kenya suspends visa services for Ugandan citizens.")
    got = [(e["type"], e["source"][0]["country"], e["date"]) for e in bilat.extract(text, PUBLISHED)]
    expected = {("SANCTION", "UGA", "2023-03-04"), ("SANCTION", "KEN", "2023-03-04"), ("SANCTION", "KEN", "2023-09-21")}
    assert expected <= set(got), got


def test_a_takeover_condemned_is_the_coup_makers(dyads):
    # the coup is coded as coercion, not as an attack: the condemnation still reaches its makers' country
    got = dyads("Soldiers of Uganda's special forces seized power in Kampala on Sunday and detained the president. "
                "The chairman of the African Union Commission condemned the takeover on Monday.")
    assert ("ACCUSE", ["IGO:AU"], ["UGA"]) in got, got


def test_a_second_leader_the_parser_hangs_on_the_first_ones_name_acts_too(dyads):
    # "President X and Uganda's Y": Y is conjoined to the apposed name X, not to the subject "President"
    got = dyads("Kenya's President Samuel Odhiambo and Uganda's Peter Okello shook hands on Thursday at the Busia "
                "border post.")
    assert ("CONSULT", ["KEN", "UGA"], []) in got, got


@pytest.mark.parametrize("text, expected", [
    ("The International Court of Justice on Monday ordered Uganda to refrain from any action that would aggravate "
     "the dispute.", ("REQUEST", ["UGA"])),
    ("Kenya ordered Ugandan diplomats to leave the country.", None),  # the expulsion, not a demand
    ("The president ordered the closure of the Ugandan border post.", None),
])
def test_a_state_ordered_to_act_is_a_demand_on_it(dyads, text, expected):
    got = [(t, tg) for t, _, tg in dyads(text) if t == "REQUEST"]
    assert (expected in got) if expected else not got, got


@pytest.mark.parametrize("text, expected", [
    # translated copy drops the "on" of "called on": a to-clause that is no call's purpose is a demand
    ("Kenya's foreign minister has called the United Nations to assure a durable financing to the mission.",
     ("REQUEST", ["KEN"], ["IGO:UN"])),
    ("Kenya called Uganda to withdraw its troops from the island.", ("REQUEST", ["KEN"], ["UGA"])),
    ("Kenyan President Samuel Odhiambo called Ugandan President Peter Okello to discuss the crisis.",
     ("CONSULT", ["KEN"], ["UGA"])),
])
def test_called_someone_to_do_something_demands_it(dyads, text, expected):
    got = dyads(text)
    assert got == [expected], got


def test_a_chronologys_entry_date_wins_over_its_own_text_read_as_a_bare_day_or_year(nlp):
    text = ("May 17 (Lakeside Wire) - Kenya and Uganda agreed on Thursday to reopen their border. Key dates:\n"
            "JAN 23, 2019 - Kenya recognises the opposition leader as Uganda's interim president.\n"
            "MARCH 26, 2020 - Uganda breaks off diplomatic relations with Nairobi.")
    got = [(e["type"], e["source"][0]["country"], e["date"]) for e in bilat.extract(text, PUBLISHED)]
    assert {("SUPPORT", "KEN", "2019-01-23"), ("SANCTION", "UGA", "2020-03-26")} <= set(got), got


@pytest.mark.parametrize("text, expected", [
    ("Uganda breaks off diplomatic relations with Kenya.", ("SANCTION", ["UGA"], ["KEN"])),
    ("Washington responded by suspending some oil and gas sanctions on Uganda for six months.",
     ("CONCEDE", ["USA"], ["UGA"])),
])
def test_relations_broken_off_and_sanctions_suspended(dyads, text, expected):
    assert expected in dyads(text), dyads(text)


def test_a_leader_telephoned_to_congratulate_congratulates_and_the_two_still_agree_together(dyads):
    # the congratulation is said in the call; "the two" are the caller and the one called, though the
    # caller alone acted again (congratulating) in between
    got = dyads("Kenyan President Samuel Odhiambo telephoned Ugandan President Peter Okello on Monday to congratulate "
                "him on his election victory, and the two agreed to work together on trade, the presidency said.")
    for expected in [("CONSULT", ["KEN"], ["UGA"]), ("SUPPORT", ["KEN"], ["UGA"]), ("AGREE", ["KEN", "UGA"], [])]:
        assert expected in got, got


def test_water_cannon_fired_at_another_states_vessels_is_force(dyads):
    got = dyads("Ugandan patrol boats fired water cannon against the Kenyan fishing vessels near Migingo Island on "
                "Sunday.")
    assert ("ASSAULT", ["UGA"], ["KEN"]) in got, got


def test_an_acronym_the_text_defines_is_that_groups_wherever_it_recurs(dyads):
    # "RSF" is also a press-freedom NGO's acronym in bilat's tables: the text's own definition wins, and the
    # group keeps the country its first mention gives
    got = dyads("Kenya on Tuesday imposed sanctions on the commander of Uganda's paramilitary Rapid Support Force "
                "(RSF). The RSF rejected the decision as unjust. Later the Rapid Support Force shelled a camp near "
                "the Kenyan border.")
    assert ("REJECT", ["UGA"], ["KEN"]) in got and any(t == "ASSAULT" and s == ["UGA"] for t, s, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("Nairobi gave Ugandan diplomats 72 hours to leave the country.", [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya gave Uganda two weeks to respond to the proposal.", []),  # a deadline, not an expulsion
])
def test_diplomats_given_hours_to_leave_are_expelled(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_an_act_done_then_takes_the_last_acts_time(nlp):
    text = ("In September 2022, Kenyan and Ugandan troops clashed on the border, killing 12 soldiers. Nairobi and "
            "Kampala then accused each other of aggression.")
    got = [(e["type"], e["date"]) for e in bilat.extract(text, PUBLISHED) if e["type"] == "ACCUSE"]
    assert got and all(d == "2022-09" for _, d in got), got


def test_leaders_reunited_as_translated_copy_writes_it_met(dyads):
    # French and Spanish "se sont réunis" / "se reunieron" come out of machine translation as "reunited"
    got = dyads("Kenyan President Samuel Odhiambo and Ugandan President Peter Okello reunited on Thursday in Arusha.")
    assert ("CONSULT", ["KEN", "UGA"], []) in got, got


@pytest.mark.parametrize("text, expected", [
    ("The Treasury Department added 12 Ugandan entities to its sanctions list on Tuesday.",
     ("SANCTION", ["USA"], ["UGA"])),
    ("The State Department condemned Uganda's decision to close the border.", ("ACCUSE", ["USA"], ["UGA"])),
])
def test_a_governments_seat_or_department_named_alone_is_that_state(dyads, text, expected):
    # as "the White House" and "the Kremlin" already were; a story naming only Uganda had made the
    # Treasury Uganda's own, and the listing a domestic crackdown
    assert expected in dyads(text), dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The new EU sanctions target Ugandan banks and gold traders.", ("SANCTION", ["IGO:EU"], ["UGA"])),
    ("The sanctions, announced by the State Department, target Uganda's defence minister and his deputy.",
     ("SANCTION", ["USA"], ["UGA"])),
    ("The Kenyan measures hit Uganda's largest gold refinery.", ("SANCTION", ["KEN"], ["UGA"])),
])
def test_sanctions_as_the_subject_sanction_what_they_target(dyads, text, expected):
    got = dyads(text)
    assert got == [expected], got


def test_a_package_named_again_is_the_last_sanctioners(dyads):
    got = dyads("The European Union on Monday adopted its 14th package of sanctions against Russia. The package also "
                "targets three Belarusian defence companies.")
    assert ("SANCTION", ["IGO:EU"], ["BLR"]) in got, got


@pytest.mark.parametrize("text, expected", [
    ("The EU listed five Ugandan officials under its human rights sanctions regime.", [("SANCTION", ["IGO:EU"], ["UGA"])]),
    ("The United States designated the Ugandan militia as a terrorist organisation.", [("SANCTION", ["USA"], ["UGA"])]),
    ("The Treasury Department also designated seven companies based in Uganda.", [("SANCTION", ["USA"], ["UGA"])]),
    ("Kenya designated a new ambassador to Uganda.", []),
    ("Uganda listed its demands in a letter to Kenya.", []),
])
def test_listings_and_designations_sanction(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_move_called_a_violation_is_condemned(dyads):
    # the parser hangs "a violation" on "move" as its object
    assert dyads("Kenya called Uganda's move a violation of international law.") == [("ACCUSE", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, expected", [
    ("Uganda handed a protest note to the Kenyan envoy.", [("ACCUSE", ["UGA"], ["KEN"])]),
    ("Uganda lodged a protest letter with Kenya.", [("ACCUSE", ["UGA"], ["KEN"])]),
    ("Uganda sent a diplomatic note to Kenya.", []),
])
def test_a_protest_note_is_a_protest(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Ugandan President Peter Okello received the credentials of the new Kenyan ambassador.", ("CONSULT", ["UGA"], ["KEN"])),
    ("The new Kenyan ambassador presented his credentials to Ugandan President Peter Okello on Monday.",
     ("CONSULT", ["KEN"], ["UGA"])),
])
def test_credentials_presented_are_a_meeting(dyads, text, expected):
    assert dyads(text) == [expected], dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya said Ugandan troops had crossed into its territory.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("The Kenyan Prime Minister declared on Thursday that the Ugandan soldiers have advanced 3.5 kilometres inside "
     "the territory of Kenya.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenya said Ugandan traders had moved into the new market.", []),
])
def test_an_intrusion_told_by_the_state_intruded_on_accuses(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya expressed the hope that Uganda would release the fishermen soon.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya reiterated its call on Uganda to resume talks.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya expressed hope for peace in the region.", []),
    ("Kenyan President Samuel Odhiambo made a call to Ugandan President Peter Okello on Monday.",
     [("CONSULT", ["KEN"], ["UGA"])]),
])
def test_a_hope_expressed_and_a_call_reiterated_are_demands(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Uganda returned the seized boats to Kenya.", [("RETREAT", ["UGA"], ["KEN"])]),
    ("Kenya returned the ambassador to Kampala.", []),  # an envoy sent back is no property released
])
def test_seized_property_returned_is_released(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_right_reserved_to_answer_an_attack_warns_the_attacker(dyads):
    got = dyads("Kenya said it reserves the right to respond to the Ugandan attack.")
    assert got == [("THREATEN", ["KEN"], ["UGA"])], got


@pytest.mark.parametrize("text, expected", [
    ("Kenya allowed humanitarian access to Uganda's flooded districts on Sunday.", [("RETREAT", ["KEN"], ["UGA"])]),
    ("The company gave investors access to its data.", []),
])
def test_access_allowed_is_a_retreat(dyads, text, expected):
    # CAMEO 086, "allow international involvement"; PLOVER codes it RETREAT (access)
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The European Union on Monday imposed asset freezes and travel bans on four Ugandan officials.",
     [("SANCTION", ["IGO:EU"], ["UGA"])]),
    ("Kenya imposed asset freezes on two Ugandan ministers on Friday.", [("SANCTION", ["KEN"], ["UGA"])]),
])
def test_a_plural_measure_noun_read_as_a_verb_is_still_the_measure(dyads, text, expected):
    # the parser reads "asset freezes" as a clause (subject 'asset', verb 'freezes')
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya sent 200 tonnes of maize to Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya delivered a shipment of sorghum to Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya sent a letter to Uganda on Monday.", []),
])
def test_goods_counted_by_weight_or_shipment_are_aid(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Hundreds of Kenyan soldiers were deployed to Uganda last week.", [("MOBILIZE", ["KEN"], ["UGA"])]),
    ("The first contingent of 400 Kenyan police officers landed in Kampala on Tuesday.",
     [("MOBILIZE", ["KEN"], ["UGA"])]),
    ("The plan calls for Kenyan troops to be deployed to Uganda next year.", []),
])
def test_forces_deployed_or_landed_are_their_own_states_deployment(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Two Kenyan soldiers were killed in an ambush by Ugandan militants on Monday.",
     [("ASSAULT", ["UGA"], ["KEN"])]),
    ("Clashes between Kenyan and Ugandan border guards left three dead on Sunday.",
     [("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"])]),
])
def test_an_attack_named_with_its_agent_or_two_states_forces_is_an_assault(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Uganda's foreign ministry said the Kenyan move was \"a clear violation\" of international law.",
     [("ACCUSE", ["UGA"], ["KEN"])]),
    ("Uganda said the Kenyan raid was an act of aggression.", [("ACCUSE", ["UGA"], ["KEN"])]),
    ("Uganda said the Kenyan people were generous hosts.", []),
])
def test_an_act_judged_wrong_in_reported_speech_accuses_its_owner(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya denied Ugandan claims that it had armed the rebels.", [("REJECT", ["KEN"], ["UGA"])]),
    ("Kenya denounced what it called Ugandan interference in its internal affairs.", [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_an_object_the_parser_misreads_or_names_in_a_what_clause_is_still_the_object(dyads, text, expected):
    # "Ugandan claims" is read as a subject and a verb; "what it called X" hides X in a clause
    assert dyads(text) == expected, dyads(text)


def test_an_attack_is_dated_by_the_participle_that_describes_it(nlp):
    events = bilat.extract("The strike, carried out by Ugandan warplanes on Monday night, killed four people.", PUBLISHED)
    assert [(e["type"], e["date"]) for e in events] == [("ASSAULT", "2024-05-13")], events


@pytest.mark.parametrize("text, expected", [
    ("Kenya's president on Sunday guided a missile drill off the coast.", [("MOBILIZE", ["KEN"], [])]),
    ("Kenya holds Uganda responsible for the deaths.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenya wants Uganda to pay compensation, the minister said.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya wants to join the customs union.", []),
])
def test_a_drill_guided_a_state_held_responsible_and_a_state_wanted_to_act(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya must apologise and release the Ugandan fishermen.", []),
    ("Kenya should withdraw the charges and free the Ugandan fishermen.", []),
])
def test_a_bare_verb_conjoined_to_a_modal_one_shares_its_modal(dyads, text, expected):
    # "must apologise and release": both are what Kenya must do, neither is done
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The IDF said it struck Hezbollah targets in Lebanon on Monday.", [("ASSAULT", ["ISR"], ["LBN"])]),
    ("The PLA Eastern Theater Command held drills around Taiwan on Monday.", [("MOBILIZE", ["CHN"], ["TWN"])]),
    ("The IRGC seized a Kenyan tanker in the Gulf on Monday.", [("COERCE", ["IRN"], ["KEN"])]),
    ("The Bundeswehr deployed 50 soldiers to Lithuania on Monday.", [("MOBILIZE", ["DEU"], ["LTU"])]),
])
def test_a_states_forces_named_without_a_country_word_are_that_state(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Fano militiamen attacked a police station in the Amhara region on Sunday.", [("ASSAULT", ["ETH"], ["ETH"])]),
    ("Sudan's Rapid Support Forces (RSF) shelled a camp on Monday. The RSF rejected the Kenyan proposal on Tuesday.",
     [("ASSAULT", ["SDN"], ["SDN"]), ("REJECT", ["SDN"], ["KEN"])]),
    ("Kenya imposed sanctions on three commanders of Sudan's Rapid Support Forces. RSF fighters shelled a camp "
     "near the city over the weekend.", [("SANCTION", ["KEN"], ["SDN"]), ("ASSAULT", ["SDN"], ["SDN"])]),
])
def test_an_armed_group_is_its_countrys_and_attacks_at_home_when_no_target_is_named(dyads, text, expected):
    # the acronym means the known group whose initials it is, not the NGO another table gives it
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya condemned the coup in Gabon.", [("ACCUSE", ["KEN"], ["GAB"])]),
    ("Kenya condemned the crackdown on protesters in Georgia.", [("ACCUSE", ["KEN"], ["GEO"])]),
    ("Kenya welcomed the elections in Uganda.", [("SUPPORT", ["KEN"], ["UGA"])]),
    ("Kenya condemned the attack in Nairobi.", []),  # at home: no other state is named
])
def test_a_reaction_to_what_happened_in_a_state_is_to_that_state(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_variant_spelling_of_an_armed_group_is_that_group(dyads):
    got = dyads("The Shebab attacked a military base in the Lower Shabelle region on Wednesday.")
    assert got == [("ASSAULT", ["SOM"], ["SOM"])], got


@pytest.mark.parametrize("text, expected", [
    ("In Nairobi, a government spokesman condemned the Ugandan raid.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("In Kampala, a foreign ministry spokesperson called on all parties in Kenya to exercise restraint.",
     [("REQUEST", ["UGA"], ["KEN"])]),
    ("Kenya and Uganda signed a peace deal on Monday. Tanzania welcomed the news on Tuesday.",
     [("SUPPORT", ["KEN", "UGA"], []), ("SUPPORT", ["TZA"], ["KEN", "UGA"])]),
    ("Uganda's foreign ministry said it regretted the Kenyan decision.", [("ACCUSE", ["UGA"], ["KEN"])]),
])
def test_a_fronted_capital_places_the_official_and_a_reaction_to_news_or_another_states_decision(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya called for an immediate ceasefire in Sudan.", [("REQUEST", ["KEN"], ["SDN"])]),
    ("Kenya called for an end to the fighting in Sudan's Darfur region.", [("REQUEST", ["KEN"], ["SDN"])]),
    # (what is alleged is no fact: the violation is the accusation's content)
    ("Kenya charged that Uganda had violated the ceasefire.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenya cautioned Uganda not to interfere in its affairs.", [("THREATEN", ["KEN"], ["UGA"])]),
])
def test_a_call_for_calm_somewhere_an_allegation_charged_and_a_caution(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The EU will provide 20 million euros to support refugees in Uganda.", [("AGREE", ["IGO:EU"], ["UGA"])]),
    ("Kenya handed over 12 armoured vehicles to the Ugandan army on Monday.", [("AID", ["KEN"], ["UGA"])]),
])
def test_aid_to_people_where_they_are_and_military_vehicles_handed_over(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenyan forces neutralized 11 Ugandan militants in an operation on Monday.", [("ASSAULT", ["KEN"], ["UGA"])]),
    ("Eleven Fano militants were neutralized in the Amhara region, the Ethiopian defence ministry said.",
     [("ASSAULT", ["ETH"], ["ETH"])]),
    ("Kenya and Uganda signed a border treaty on Monday. Tanzania welcomed the signing of the treaty.",
     [("SUPPORT", ["KEN", "UGA"], []), ("SUPPORT", ["TZA"], ["KEN", "UGA"])]),
])
def test_militants_neutralized_as_their_own_state_reports_and_a_signing_welcomed(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_an_outbreak_and_an_operation_date_the_act(nlp):
    events = bilat.extract("Fighting between Kenyan and Ugandan troops erupted on the border in March. Kenyan forces "
                           "neutralized 11 Ugandan militants in an operation on Monday.", PUBLISHED)
    assert [e["date"] for e in events if e["type"] == "ASSAULT"] == ["2024-03", "2024-05-13"], events


@pytest.mark.parametrize("text, dates", [
    ("Kenyan boats blocked a Ugandan supply vessel on March 3. Uganda summoned Kenya's ambassador two days later.",
     ["2024-03-03", "2024-03-05"]),
    ("Kenya expelled a Ugandan diplomat on March 3. Uganda responded the next day by expelling two Kenyan diplomats.",
     ["2024-03-03", "2024-03-04"]),
    ("Kenya expelled a Ugandan diplomat on March 3. A week later, Uganda expelled two Kenyan diplomats.",
     ["2024-03-03", "2024-03-10"]),
    ("* MARCH 3, 2023 - Kenya expels a Ugandan diplomat. Uganda expels two Kenyan diplomats two days later.",
     ["2023-03-03", "2023-03-05"]),
])
def test_days_later_count_from_the_act_told_before(nlp, text, dates):
    events = bilat.extract(text, PUBLISHED)
    assert [e["date"] for e in events] == dates, events


@pytest.mark.parametrize("text, expected", [
    ("Uganda took Kenya to the International Court of Justice in 2019.", [("ACCUSE", ["UGA"], ["KEN"])]),
    ("Uganda said on Saturday it would take Kenya to the International Court of Justice.",
     [("THREATEN", ["UGA"], ["KEN"])]),
    ("Uganda said it would take the border dispute with Kenya to the International Court of Justice.",
     [("THREATEN", ["UGA"], ["KEN"])]),
    ("Uganda took Kenyan officials to a hotel.", []),
])
def test_a_state_taken_to_court_is_sued_and_a_suit_announced_threatens(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_day_between_the_speech_verb_and_the_reported_subject_is_the_statements(nlp):
    events = bilat.extract("Uganda said on Saturday it would impose sanctions on Kenya.", PUBLISHED)
    assert [(e["type"], e["date"]) for e in events] == [("THREATEN", "2024-05-11")], events


@pytest.mark.parametrize("text, expected", [
    ("Kenya ended its military operation in Uganda.", [("RETREAT", ["KEN"], ["UGA"])]),
    ("Kenya ended its peacekeeping mission in Uganda in December.", [("RETREAT", ["KEN"], ["UGA"])]),
])
def test_an_operation_ended_abroad_is_a_withdrawal_from_that_state(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Uganda fired at least 12 missiles on Wednesday, one of which landed near Kenyan territorial waters.",
     [("MOBILIZE", ["UGA"], ["KEN"])]),
    ("Uganda launched two short-range missiles on Sunday.", [("MOBILIZE", ["UGA"], [])]),
    ("Uganda fired 40 missiles at Kenyan border towns overnight.", [("ASSAULT", ["UGA"], ["KEN"])]),
])
def test_missiles_that_fall_in_the_sea_or_are_named_by_their_range_show_force(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya and Uganda each expelled six diplomats on Monday.",
     [("SANCTION", ["KEN"], ["UGA"]), ("SANCTION", ["UGA"], ["KEN"])]),
    ("Kenya's president received Uganda's army chief on Monday.", [("CONSULT", ["KEN"], ["UGA"])]),
])
def test_each_of_two_states_acts_on_the_other_and_a_chief_is_received(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("EU sanctions Ugandan officials over crackdown", [("SANCTION", ["IGO:EU"], ["UGA"])]),
    ("Kenya summons Ugandan envoy", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Anti-Kenya protests erupt in Uganda over border row", []),
    ("Kenya hosts meeting of regional ministers on Sudan", []),
])
def test_a_verbless_headlines_plural_noun_is_read_as_its_verb(dyads, text, expected):
    # the small model reads "EU sanctions Ugandan officials" as one noun phrase
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("African leaders suspended Uganda from the African Union on Monday.", [("SANCTION", ["IGO:AU"], ["UGA"])]),
    ("East African leaders on Wednesday suspended Uganda from the African Union and demanded the release of the "
     "deposed Ugandan president.", [("SANCTION", ["IGO:AU"], ["UGA"]), ("REQUEST", ["IGO:AU"], ["UGA"])]),
])
def test_the_body_one_is_suspended_from_suspends_and_a_conjoined_verb_shares_its_source(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya imposed asset freezes on six Ugandan officials on Monday. Uganda's Foreign Ministry condemned the "
     "listings on Tuesday as illegal.", [("SANCTION", ["KEN"], ["UGA"]), ("ACCUSE", ["UGA"], ["KEN"])]),
    ("Kenya and Uganda signed a joint declaration on Thursday. The African Union welcomed the declaration on Friday.",
     [("SUPPORT", ["KEN", "UGA"], ["KEN", "UGA"]), ("SUPPORT", ["IGO:AU"], ["KEN", "UGA"])]),
])
def test_listings_and_a_declaration_reacted_to_are_their_makers(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The EU approved 50 million euros for Uganda on Monday.", [("AID", ["IGO:EU"], ["UGA"])]),
    ("The European Union approved 20 million euros to support the Ugandan deployment.", [("AID", ["IGO:EU"], ["UGA"])]),
    ("Kenya approved the Ugandan proposal.", [("SUPPORT", ["KEN"], ["UGA"])]),
])
def test_money_approved_is_aid_and_a_proposal_approved_is_support(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_seafarers_released_are_a_release(dyads):
    assert dyads("Kenya released 12 Ugandan seafarers on Thursday.") == [("RETREAT", ["KEN"], ["UGA"])]


@pytest.mark.parametrize("text, expected", [
    ("Mercosur held its summit on Monday. The leaders of the bloc welcomed Bolivia as a full member.",
     [("SUPPORT", ["IGO:MERCOSUR"], ["BOL"])]),
    ("Armenia asked the Collective Security Treaty Organization for help on Thursday.",
     [("REQUEST", ["ARM"], ["IGO:CSTO"])]),
])
def test_regional_organisations_the_table_lacked(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def _people(text):
    return [(e["type"], sorted((a["country"], a["name"]) for a in e["source"] + e["target"] if a.get("name")))
            for e in bilat.extract(text, PUBLISHED)]


@pytest.mark.parametrize("text, expected", [
    # a post written in lower case stands before a name the tagger took for an organisation
    ("AU Commission chairman Moussa Faki Mahamat on Wednesday urged Kenya to release the detainees.",
     ("REQUEST", [("IGO:AU", "Moussa Faki Mahamat")])),
    ("The chairman of the African Union Commission, Moussa Faki Mahamat, condemned the coup in Niger on Sunday.",
     ("ACCUSE", [("IGO:AU", "Moussa Faki Mahamat")])),
])
def test_a_name_after_a_lower_case_post_is_a_person(nlp, text, expected):
    assert expected in _people(text)


@pytest.mark.parametrize("text, expected", [
    # "the two sides" who just met are the two people who met; "the ministers" include a counterpart
    ("Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in Kampala on Monday. "
     "The two sides agreed to build a new railway.",
     ("AGREE", [("KEN", "William Ruto"), ("UGA", "Yoweri Museveni")])),
    ("Kenyan Foreign Minister Musalia Mudavadi met his Ugandan counterpart Jeje Odongo in Nairobi on Monday. "
     "The ministers agreed to reopen the border.",
     ("AGREE", [("KEN", "Musalia Mudavadi"), ("UGA", "Jeje Odongo")])),
])
def test_the_two_sides_after_a_meeting_of_two_people_are_those_people(nlp, text, expected):
    assert expected in _people(text)


def test_the_rest_of_a_bodys_name_after_a_post_is_no_person(nlp):
    text = "A commander of the Philippine Coast Guard accused China of ramming a supply boat on Monday."
    assert not any(names for _, names in _people(text))


@pytest.mark.parametrize("text, expected", [
    # what arrives is the arrival verb's subject, or what it carries in a clause of its own
    ("Kenyan aid reached Uganda on Wednesday.", ("AID", ["KEN"], ["UGA"])),
    ("The first relief flight from Kenya touched down in Uganda on Thursday, carrying tents and water containers.",
     ("AID", ["KEN"], ["UGA"])),
    ("An Australian air force C-17 carrying drinking water and medical supplies landed in Kampala on Thursday.",
     ("AID", ["AUS"], ["UGA"])),
    # relief flown in, and money released or contributed, are aid
    ("The Kenyan government flew 20 tonnes of food to flood-hit Uganda.", ("AID", ["KEN"], ["UGA"])),
    ("The EU released 10 million euros in emergency funding for victims of the floods in Uganda.",
     ("AID", ["IGO:EU"], ["UGA"])),
])
def test_aid_that_arrives_is_flown_or_is_money_released(dyads, text, expected):
    assert expected in dyads(text)


def test_prisoners_released_are_still_a_release_not_aid(dyads):
    assert ("RETREAT", ["UGA"], ["KEN"]) in dyads("Uganda released 12 Kenyan fishermen on Monday.")


@pytest.mark.parametrize("text, expected", [
    # barring a state's people, carriers or goods sanctions it; visas and licences revoked too; a border shut
    ("Kenya barred Ugandan airlines from its airspace.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya barred three Ugandan officials from entering the country.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya revoked the visas of Ugandan diplomats.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya shut its border with Uganda on Friday.", ("SANCTION", ["KEN"], ["UGA"])),
])
def test_bars_revoked_visas_and_shut_borders_sanction(dyads, text, expected):
    assert expected in dyads(text)


def test_protesters_barred_from_a_march_are_no_sanction_on_the_embassys_state(dyads):
    found = dyads("Kenyan police barred protesters from marching to the Ugandan embassy.")
    assert not any(t == "SANCTION" for t, _, _ in found)


def test_an_incursion_condemned_is_the_last_attackers(dyads):
    text = "Ugandan police stormed the Kenyan embassy in Kampala on Friday. The OAS condemned the incursion."
    assert ("ACCUSE", ["IGO:OAS"], ["UGA"]) in dyads(text)


@pytest.mark.parametrize("text", [
    "Kenya could cut diplomatic ties with Uganda, the president warned.",
    "Kenya will respond firmly to any provocation by Uganda, the ministry warned.",
])
def test_a_warned_clause_whose_subject_acts_on_another_state_warns_that_state(dyads, text):
    assert dyads(text) == [("THREATEN", ["KEN"], ["UGA"])]


def test_a_warned_clause_whose_subject_is_to_suffer_warns_its_subject(dyads):
    assert ("THREATEN", ["KEN"], ["UGA"]) in dyads("Uganda will face consequences, the Kenyan ministry warned.")


def test_a_state_told_it_will_bear_the_consequences_is_threatened(dyads):
    found = dyads("Kenya said Uganda would bear all the consequences if it went ahead with the plan.")
    assert ("THREATEN", ["KEN"], ["UGA"]) in found
    assert dyads("Kenya said it would bear the costs of the new bridge with Uganda.") == []


def test_a_chronology_entrys_act_with_a_day_of_its_own_keeps_that_day_in_the_entrys_year(nlp):
    text = ("Timeline of the dispute:\n"
            "* MARCH 23, 2023 - Ugandan patrol boats fire water cannon at a Kenyan supply boat. "
            "Kenya summons Uganda's deputy chief of mission on March 25.\n"
            "* AUG 5, 2023 - Uganda expels two Kenyan diplomats.")
    dated = {(e["type"], e["date"]) for e in bilat.extract(text, "2024-06-18")}
    assert ("ACCUSE", "2023-03-25") in dated and ("SANCTION", "2023-08-05") in dated


@pytest.mark.parametrize("text, expected", [
    ("The U.S. Treasury designated three Ugandan generals under its human rights sanctions programme.",
     ("SANCTION", ["USA"], ["UGA"])),
    ("Kenya hit Uganda with fresh sanctions on Tuesday.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya cancelled the visas of 20 Ugandan students.", ("SANCTION", ["KEN"], ["UGA"])),
])
def test_generals_designated_states_hit_with_sanctions_and_visas_cancelled_are_sanctioned(dyads, text, expected):
    assert expected in dyads(text)


def test_an_envoy_designated_and_a_visit_cancelled_are_no_sanction(dyads):
    assert dyads("Kenya designated Peter Otieno as its new envoy to Uganda.") == []
    assert ("REJECT", ["KEN"], ["UGA"]) in dyads("Kenya cancelled the planned visit of the Ugandan president.")


@pytest.mark.parametrize("text", [
    # the label hung on the object ('as' on the noun; a predicate the parser read as the object's own)
    "Kenya described Uganda's move as a provocation.",
    "Kenya called Uganda's move a provocation.",
    "Kenya called the Ugandan measure discriminatory.",
    "Kenya took issue with Uganda's statement.",
])
def test_a_label_hung_on_the_object_and_issue_taken_accuse(dyads, text):
    assert ("ACCUSE", ["KEN"], ["UGA"]) in dyads(text)


def test_a_role_described_as_constructive_accuses_no_one(dyads):
    assert dyads("Kenya described Uganda's role as constructive.") == []


def test_undated_statements_take_the_day_of_a_dateline_under_the_headline(nlp):
    text = ("Kenya will take firm countermeasures, warns ministry spokesman\n"
            "Nairobi, March 14 -- A spokesman for Kenya's Foreign Ministry issued a statement.\n"
            "Ugandan troops crossed into Kenya on Monday, the statement said.\n"
            "The Foreign Ministry of Kenya vehemently denounces the Ugandan incursion as a grave provocation.")
    dated = {(e["type"], e["date"]) for e in bilat.extract(text, "2023-03-15")}
    assert ("ACCUSE", "2023-03-14") in dated


@pytest.mark.parametrize("text", [
    "At the invitation of President William Ruto of the Republic of Kenya, President Yoweri Museveni of the "
    "Republic of Uganda paid a state visit to Kenya from 3 to 5 June 2024.",
    "At the invitation of President William Ruto, President Yoweri Museveni of Uganda paid a state visit to Kenya "
    "on Monday.",
])
def test_the_visitor_after_a_fronted_invitation_is_the_subject(dyads, text):
    assert ("CONSULT", ["UGA"], ["KEN"]) in dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The Ugandan side reiterated its firm commitment to the one-Kenya principle.", ("SUPPORT", ["UGA"], ["KEN"])),
    ("Uganda is committed to the sovereignty and territorial integrity of Kenya.", ("SUPPORT", ["UGA"], ["KEN"])),
    # a commitment to a deal is still a promise
    ("Uganda reaffirmed its commitment to the peace deal with Kenya.", ("AGREE", ["UGA"], ["KEN"])),
])
def test_a_commitment_to_another_states_sovereignty_or_principle_supports_it(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text", [
    "Ugandan President Yoweri Museveni thanked Kenyan President William Ruto and invited him to visit Uganda.",
    "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Monday. Museveni invited him to visit "
    "Kampala.",
])
def test_an_object_pronoun_is_not_its_own_verbs_subject(nlp, text):
    found = [(e["type"], [a.get("name") for a in e["target"]]) for e in bilat.extract(text, PUBLISHED)]
    assert ("AGREE", ["William Ruto"]) in found


@pytest.mark.parametrize("text, expected", [
    # small states' capitals; navies by their ship prefixes and air forces without a country word
    ("A Royal Australian Air Force C-17 delivered aid to Nuku'alofa on Thursday.", ("AID", ["AUS"], ["TON"])),
    ("HMNZS Wellington arrived in Tonga on Friday with water and relief supplies.", ("AID", ["NZL"], ["TON"])),
    # a carrier that departs or sails for a state with relief; where it departs from is no target
    ("Australia's HMAS Adelaide departed Brisbane for Tonga carrying humanitarian supplies.", ("AID", ["AUS"], ["TON"])),
    ("Two Kenyan navy ships departed for Uganda on Tuesday carrying drinking water and tents.",
     ("AID", ["KEN"], ["UGA"])),
    # an aircraft of the forces that lands with relief brings aid, not a deployment
    ("A Kenyan air force C-130 landed at Entebbe airport on Thursday with emergency supplies.",
     ("AID", ["KEN"], ["UGA"])),
])
def test_relief_by_air_and_sea_to_small_states(dyads, text, expected):
    assert expected in dyads(text)


def test_troops_that_land_still_deploy(dyads):
    assert ("MOBILIZE", ["KEN"], ["UGA"]) in dyads("Kenyan marines landed at Entebbe with armoured vehicles.")


@pytest.mark.parametrize("text, expected", [
    # a demand agreed to or pressure bowed to concedes; strikes suspended are a retreat
    ("Kenya agreed to Uganda's demand for a joint inquiry.", ("CONCEDE", ["KEN"], ["UGA"])),
    ("Kenya bowed to Ugandan pressure and reopened the border.", ("CONCEDE", ["KEN"], ["UGA"])),
    ("Kenya suspended its air strikes on rebel positions in Uganda.", ("RETREAT", ["KEN"], ["UGA"])),
])
def test_demands_agreed_to_pressure_bowed_to_and_strikes_suspended(dyads, text, expected):
    assert expected in dyads(text)


def test_a_firms_operations_suspended_are_no_retreat(dyads):
    assert dyads("French mining group Eramet said it had suspended its manganese operations in Gabon.") == []


@pytest.mark.parametrize("text, expected", [
    ("Russian missiles hit Kyiv on Monday.", ("ASSAULT", ["RUS"], ["UKR"])),
    ("NATO-led air strikes hit Tripoli on Monday night.", ("ASSAULT", ["IGO:NATO"], ["LBY"])),
])
def test_weapons_and_strikes_that_hit_a_place_attack_it(dyads, text, expected):
    assert expected in dyads(text)


def test_a_storm_or_sanctions_that_hit_attack_no_one(dyads):
    assert dyads("The storm hit Manila on Monday.") == []
    assert dyads("Sanctions hit the Russian economy hard.") == []


@pytest.mark.parametrize("text, expected", [
    ("Moscow dismissed Western criticism of the vote.", ("REJECT", ["RUS"], ["IGO:EU", "USA"])),
    ("The Kremlin rejected the Western accusations on Friday.", ("REJECT", ["RUS"], ["IGO:EU", "USA"])),
])
def test_western_accusations_are_the_wests(dyads, text, expected):
    assert expected in dyads(text)


def test_a_courtesy_call_paid_on_an_official_consults_their_state(dyads):
    assert ("CONSULT", ["KEN"], ["UGA"]) in dyads("Kenya's envoy paid a courtesy call on Uganda's defence minister on Monday.")
    assert dyads("Kenya held a phone call on the Ugandan border crisis with Tanzania.") == [("CONSULT", ["KEN"], ["TZA"])]


def test_the_authorities_urged_in_a_story_of_two_states_are_the_others(dyads):
    text = ("Ugandan police detained six Kenyan journalists on Sunday. "
            "Kenya on Monday urged the authorities to release them.")
    assert ("REQUEST", ["KEN"], ["UGA"]) in dyads(text)
    assert dyads("Kenya asked buyers to wait for the new harvest.") == []


@pytest.mark.parametrize("text", [
    "Kenya massed tanks and artillery near the Ugandan border.",
    "Kenya massed troops along the Ugandan frontier.",
    "Kenya deployed warships near Ugandan waters.",
])
def test_forces_massed_near_a_states_border_or_waters_are_aimed_at_it(dyads, text):
    assert ("MOBILIZE", ["KEN"], ["UGA"]) in dyads(text)


@pytest.mark.parametrize("text", [
    "Kenya encouraged Uganda to return to the negotiating table.",
    "Kenya's president implored Uganda to show restraint.",
])
def test_a_state_encouraged_or_implored_to_act_is_requested(dyads, text):
    assert ("REQUEST", ["KEN"], ["UGA"]) in dyads(text)


def test_what_analysts_expect_is_no_request(dyads):
    assert dyads("Analysts expect Uganda to raise interest rates.") == []


def test_the_innermost_report_names_the_speaker(nlp):
    text = ("Kenya's President William Ruto announced on Monday that his government was suspending relations with "
            "Uganda, while Tanzania's Foreign Minister January Makamba said Dodoma had given Ugandan diplomats 72 hours "
            "to leave.")
    found = {(e["type"], tuple(a.get("name") for a in e["source"])) for e in bilat.extract(text, PUBLISHED)}
    assert ("SANCTION", ("January Makamba",)) in found


def test_an_organisations_official_named_after_it_speaks_for_it(nlp):
    text = "Organization of American States Secretary General Luis Almagro condemned the incursion by Ecuador."
    found = [(e["type"], [(a["country"], a.get("name")) for a in e["source"]]) for e in bilat.extract(text, PUBLISHED)]
    assert ("ACCUSE", [("IGO:OAS", "Luis Almagro")]) in found


@pytest.mark.parametrize("text", [
    "Kenya said it had nothing to apologise for.",
    "Milei answered at the time that he did not have anything to apologise for.",
    # what the parties are called on to do, however the parser hung the list's verbs
    "We call on relevant parties to immediately cease fire, ensure safe access for humanitarian aid and release "
    "the hostages, the Kenyan spokesman said.",
])
def test_nothing_to_apologise_for_and_calls_on_others_are_no_acts(dyads, text):
    assert dyads(text) == []


def test_unnamed_countries_are_never_the_one_country_of_the_story(dyads):
    assert dyads("Twenty countries expressed their support to the Ugandan government on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    # a meeting verb takes no clause: the subject the parser gives a complement right after it is the one met
    ("Kenya's President William Ruto hailed the deal. He later telephoned Ugandan President Yoweri Museveni, who "
     "told him a deal would threaten the stability of Uganda.", ("CONSULT", ["KEN"], ["UGA"])),
    # a meeting noun that frames an act: whom the act was done to or with
    ("Kenyan President William Ruto told Ugandan President Yoweri Museveni in a telephone call on Monday that "
     "the border must reopen.", ("CONSULT", ["KEN"], ["UGA"])),
    ("Kenya's foreign minister held several sessions with Ugandan Foreign Minister Jeje Odongo during the talks.",
     ("CONSULT", ["KEN"], ["UGA"])),
    # an object pronoun after a visit: the visitor, not the host's colleague named just before
    ("Ugandan President Yoweri Museveni visited Kenya on Monday. Kenyan Prime Minister Musalia Mudavadi held talks "
     "with him in Nairobi, and President William Ruto met him on Tuesday.", ("CONSULT", ["KEN"], ["UGA"])),
])
def test_whom_a_meeting_is_with(dyads, text, expected):
    got = dyads(text)
    assert expected in got and not any(t == "CONSULT" and s == o for t, s, o in got), got


def test_a_fronted_day_the_parser_read_into_a_name_dates_the_verb(nlp):
    # "On Thursday Grossi was received": the parser makes "Thursday" part of the name and leaves "On" bare
    events = bilat.extract("Kenyan Foreign Minister Musalia Mudavadi hosted UN envoy Peter Grossi on Tuesday. On Thursday "
                           "Grossi was received by President William Ruto, who said Kenya was ready to help.", PUBLISHED)
    assert sorted(e["date"] for e in events if e["type"] == "CONSULT") == ["2024-05-14", "2024-05-16"], events


def test_a_ledes_day_dates_the_story_when_no_event_was_read_from_it(nlp):
    # the undated landing is news of the lede's day, not of the first later act ("said on Tuesday")
    events = bilat.extract("The first relief flights reached Malawi on Thursday, five days after the cyclone struck. "
                           "A Zambian military plane carrying tents landed in Lilongwe in the afternoon. Tanzania said "
                           "on Tuesday that it would send medical teams to Malawi.", PUBLISHED)
    assert ("AID", "2024-05-16") in [(e["type"], e["date"]) for e in events], events


@pytest.mark.parametrize("text, expected", [
    # a currency named by its country is money, not that country
    ("Kenya sent 2 million US dollars of aid to Somalia.", [("AID", ["KEN"], ["SOM"])]),
    ("Cyclone Freddy struck Malawi on Sunday, and floods cut roads across Malawi. Japan said on Tuesday that it would "
     "provide emergency relief goods and one million US dollars in grant aid.", [("AGREE", ["JPN"], ["MWI"])]),
])
def test_money_named_by_its_country_is_no_party_and_promised_aid_goes_to_the_story(dyads, text, expected):
    assert dyads(text) == expected


def test_a_summit_speaks_for_the_parties_its_name_gives(dyads):
    # a communique's "The Summit" is the two bodies that met, not a head of state said to attend
    got = dyads("The Joint EAC-IGAD Summit of Heads of State was held on 8 February in Nairobi. The Summit was attended "
                "by President Paul Kagame of Rwanda. The Summit reaffirmed its solidarity with Somalia.")
    assert ("SUPPORT", ["IGO:EAC", "IGO:IGAD"], ["SOM"]) in got and not any("RWA" in s for _, s, _ in got), got


def test_a_reaction_to_an_act_is_aimed_at_its_doer_not_at_an_addressee_the_clause_names(dyads):
    got = dyads("Ugandan jets struck a rebel camp inside Kenya on Monday. The Kenyan Foreign Ministry denounced the "
                "strike in letters to the UN Secretary-General and the president of the Security Council.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in got and not any(t == "ACCUSE" and "IGO:UN" in o for t, _, o in got), got


@pytest.mark.parametrize("text, expected", [
    # control taken of another's places is seized; a way forced into an embassy is a raid
    ("Ugandan forces took control of Kenya's border posts on Monday.", ("COERCE", ["UGA"], ["KEN"])),
    ("Ugandan police forced their way into the Kenyan embassy in Kampala late on Friday.", ("COERCE", ["UGA"], ["KEN"])),
    # an arrest announced; a named official barred from entering; drones launched at a state
    ("The Ugandan authorities announced on Thursday the arrest of a Kenyan national.", ("COERCE", ["UGA"], ["KEN"])),
    ("Washington barred Jane Akello, Uganda's attorney general, from entering the United States.",
     ("SANCTION", ["USA"], ["UGA"])),
    ("Uganda launched 40 drones at Kenya overnight.", ("ASSAULT", ["UGA"], ["KEN"])),
])
def test_control_taken_ways_forced_arrests_announced_people_barred_and_drones_launched(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, unwanted", [
    # diplomats and an international court are not of the city they sit in
    ("Diplomats in Vienna said Kenya and Uganda were expected to table a resolution censuring Tanzania.", "AUT"),
    ("Uganda on Tuesday rejected a ruling by an international tribunal in The Hague.", "NLD"),
    # a contrasting clause's state is no addressee of the call
    ("Kenya's foreign minister issued a similar call, while Tanzania's foreign minister said the ruling was final.",
     "TZA"),
])
def test_a_host_city_and_a_contrasting_clause_name_no_party(dyads, text, unwanted):
    assert not any(unwanted in s + o for _, s, o in dyads(text))


@pytest.mark.parametrize("text, expected", [
    # a border sealed; a bloc left; an act judged meritless
    ("Kenyan authorities sealed the main border crossing with Uganda on Monday.", ("SANCTION", ["KEN"], ["UGA"])),
    ("Kenya, Uganda and Tanzania have officially withdrawn from ECOWAS.", ("SANCTION", ["UGA"], ["IGO:ECOWAS"])),
    ("The United States said on Wednesday that the submission by Kenya was meritless.", ("ACCUSE", ["USA"], ["KEN"])),
])
def test_borders_sealed_blocs_left_and_acts_judged_meritless(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    # CAMEO 126, rejecting a proposal to meet or negotiate: whom the refused meeting was with
    ("Kenya declined an invitation to meet Ugandan officials.", ("REJECT", ["KEN"], ["UGA"])),
    ("Kenya ruled out talks with Uganda.", ("REJECT", ["KEN"], ["UGA"])),
])
def test_a_meeting_refused_is_rejected_toward_whom_it_was_with(dyads, text, expected):
    assert expected in dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("The Quai d'Orsay summoned the Iranian ambassador on Monday.", [("ACCUSE", ["FRA"], ["IRN"])]),
    ("The Knesset condemned the Turkish decision on Monday.", [("ACCUSE", ["ISR"], ["TUR"])]),
    ("Gazprom halted gas deliveries to Moldova on Monday.", [("SANCTION", ["RUS"], ["MDA"])]),
])
def test_a_states_bodies_and_companies_named_without_a_country_word_are_that_states(dyads, text, expected):
    # a ministry, parliament or state company known by its own name ("bodies.tsv")
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Ethiopian and Eritrean officials met in Nairobi on Monday. Kenya's navy detained two Ugandan trawlers on "
     "Monday. Uganda condemned the towing on Tuesday.", ("ACCUSE", ["UGA"], ["KEN"])),
    ("Kenya expelled two Ugandan diplomats on Monday, a Tanzanian official said. Uganda condemned the treatment "
     "of its envoys on Tuesday.", ("ACCUSE", ["UGA"], ["KEN"])),
    ("Tanzania lifted its ban on Kenyan maize on Monday. Kenya's trade ministry hailed the reversal on Tuesday.",
     ("SUPPORT", ["KEN"], ["TZA"])),
])
def test_a_verb_that_judges_a_deed_told_before_is_aimed_at_its_doer(dyads, text, expected):
    # the deed's noun is none the reaction table lists; the verb alone says a deed is judged
    assert expected in dyads(text), dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenyan and Ugandan border guards exchanged fire near Busia on Wednesday.",
     [("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"])]),
    ("Kenya and Uganda lifted reciprocal visa bans on Monday.", [("CONCEDE", ["KEN", "UGA"], ["KEN", "UGA"])]),
    # a joint act with no mark of being mutual is aimed at whom it names
    ("Kenya and Uganda condemned the coup in Gabon on Monday.", [("ACCUSE", ["KEN", "UGA"], ["GAB"])]),
])
def test_a_directed_act_two_states_do_to_each_other_has_them_as_target(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # the purpose of a call made: done in the call, to the one called (a date beside the verb changes nothing)
    ("Ruto called Museveni on Monday to congratulate him on his re-election.",
     [("CONSULT", ["KEN"], ["UGA"]), ("SUPPORT", ["KEN"], ["UGA"])]),
    # a leader's surname the tagger took for a nationality is still the leader
    ("Kenya's president phoned Museveni to congratulate him.", [("CONSULT", ["KEN"], ["UGA"]), ("SUPPORT", ["KEN"], ["UGA"])]),
    ("Kenya called on Uganda on Monday to discuss the border.", [("REQUEST", ["KEN"], ["UGA"])]),
])
def test_what_a_leader_called_another_to_say_is_said_in_the_call(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a sanction on firms in several states is one on each state; why they are sanctioned is their deed
    ("The EU imposed sanctions on companies in China, Turkey and the UAE on Monday for helping Russia.",
     [("SANCTION", ["IGO:EU"], ["CHN"]), ("SANCTION", ["IGO:EU"], ["TUR"]), ("SANCTION", ["IGO:EU"], ["ARE"])]),
])
def test_a_sanction_on_firms_in_several_states_and_the_deed_it_punishes(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # the parser hangs the first object of a giving verb on the second as a compound
    ("Kenya offered Uganda support in its fight against the rebels.", [("AGREE", ["KEN"], ["UGA"])]),
    ("Uganda granted Kenya access to the lake.", [("RETREAT", ["UGA"], ["KEN"])]),
    # a leader's surname tagged as a place; the state before the noun is then the giver's own
    ("Blinken pledged US support for Ukraine.", [("AGREE", ["USA"], ["UKR"])]),
])
def test_whom_a_giving_verb_gives_to_before_what_it_gives(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya vowed to respond to any Ugandan aggression.", [("THREATEN", ["KEN"], ["UGA"])]),
    ("Kenya vowed to hit back at Uganda.", [("THREATEN", ["KEN"], ["UGA"])]),
])
def test_a_vowed_answer_is_aimed_at_whom_it_answers(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # 'came under' a criticism, an attack or pressure 'from' someone: the subject receives it
    ("Uganda came under criticism from Kenya over the arrests.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenyan border posts came under attack from Ugandan forces on Monday.", [("ASSAULT", ["UGA"], ["KEN"])]),
    ("Uganda came under pressure from Kenya to release the fishermen.", [("REQUEST", ["KEN"], ["UGA"])]),
])
def test_what_one_comes_under_from_another_is_the_others_act(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, date", [
    # the day of the statement or the occasion the act was said in, however the phrase is hung
    ("Kenya condemned Uganda in a statement issued on Tuesday.", "2024-05-14"),
    ("In a statement released on Tuesday, Kenya condemned Uganda.", "2024-05-14"),
    ("Kenya urged Uganda, in a letter dated May 3, to withdraw.", "2024-05-03"),
    ("Speaking to reporters on Tuesday, Ruto condemned Uganda.", "2024-05-14"),
    # what a statement says is said the day it was issued, however the parser hangs the saying on it
    ("On May 2, Kenya and Tanzania issued a joint statement urging Uganda to respect the truce.", "2024-05-02"),
    # a relative clause on a year dates its verb and the verbs conjoined to it
    ("The deal has been unravelling since 2018, when Kenya withdrew from it and imposed sanctions on Uganda.", "2018"),
    # "earlier in April": that month
    ("Earlier in April, Kenya imposed sanctions on Uganda.", "2024-04"),
    # "in May that year", "later that year": the year the text named before
    ("Kenya closed the border in 2019. In May that year, Kenya imposed sanctions on Uganda.", "2019-05"),
])
def test_the_day_of_the_statement_an_act_was_said_in(text, date):
    import bilat
    assert [e["date"] for e in bilat.extract(text, "2024-05-17")] == [date]


@pytest.mark.parametrize("text, expected", [
    # a body's adopted resolution does what it says, in the body's name
    ("The Security Council adopted a resolution imposing an arms embargo on South Sudan.",
     [("SANCTION", ["IGO:UNSC"], ["SSD"])]),
    ("The General Assembly adopted a resolution condemning Russia's annexation by 143 votes to 5.",
     [("ACCUSE", ["IGO:UN"], ["RUS"])]),
    # what a vetoed text would have said is no one's act
    ("Russia vetoed a Security Council resolution demanding a ceasefire in Gaza on Friday.",
     [("REJECT", ["RUS"], ["IGO:UNSC"])]),
])
def test_what_an_adopted_resolution_says_is_done_and_what_a_vetoed_one_says_is_not(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a headline's two verbs: the parser makes the first clause the complement of the second
    ("Kenya condemns Ugandan attack, urges Kampala to withdraw troops",
     [("ACCUSE", ["KEN"], ["UGA"]), ("REQUEST", ["KEN"], ["UGA"])]),
    # (a saying verb after the comma still reports the clause before it)
    ("Uganda must withdraw, Kenya says", [("REQUEST", ["KEN"], ["UGA"])]),
])
def test_a_headlines_second_verb_is_the_same_subjects_next_act(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # the parser hangs the scene on the subject between commas
    ("Ruto, in talks with Museveni on Friday, urged Uganda to release the fishermen.",
     [("CONSULT", ["KEN"], ["UGA"]), ("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya's foreign minister, in a phone call with her Ugandan counterpart, condemned the arrests.",
     [("CONSULT", ["KEN"], ["UGA"]), ("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_a_scene_set_beside_the_subject_is_the_subjects(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # envoys told to go, with or without the country named, or given a deadline to go
    ("The junta in Niamey ordered the French ambassador to leave.", [("SANCTION", ["NER"], ["FRA"])]),
    ("Niger gave the French ambassador 48 hours to leave.", [("SANCTION", ["NER"], ["FRA"])]),
    ("Niger ordered French troops to leave by the end of the year.", [("SANCTION", ["NER"], ["FRA"])]),
])
def test_envoys_and_troops_told_to_leave_are_expelled(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # talks called or pressed for are asked for, not held (talks travelled for are held)
    ("Kenya called for talks with Uganda.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Kenya pressed for negotiations with Uganda.", [("REQUEST", ["KEN"], ["UGA"])]),
    ("Ruto flew to Kampala for talks with Museveni on Monday.", [("CONSULT", ["KEN"], ["UGA"])]),
])
def test_talks_asked_for_are_no_meeting(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("Kenya handed back the seized Ugandan boats on Monday.", [("RETREAT", ["KEN"], ["UGA"])]),
    # what is between two sides is both ways
    ("Clashes between Kenyan and Ugandan troops killed three people on Monday.",
     [("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"])]),
])
def test_seized_goods_handed_back_and_acts_between_two_sides(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    ("India and Pakistan traded fire across the Line of Control.", [("ASSAULT", ["IND", "PAK"], ["IND", "PAK"])]),
    ("Pakistan carried out strikes inside Afghanistan on Monday.", [("ASSAULT", ["PAK"], ["AFG"])]),
])
def test_fire_traded_and_strikes_inside_a_state(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # leaving talks or a treaty halts them (CAMEO 164, 160); a meeting called off is cancelled (REJECT)
    ("Kenya pulled out of the peace talks with Uganda on Monday.", [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya withdrew from the trade agreement with Uganda on Monday.", [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya called off the planned meeting with Ugandan officials on Monday.", [("REJECT", ["KEN"], ["UGA"])]),
    # one's own soldiers evacuated leave (RETREAT); civilians evacuated are helped (AID)
    ("Kenya evacuated its soldiers from the Ugandan enclave on Monday.", [("RETREAT", ["KEN"], ["UGA"])]),
    # debt written off is aid; websites blocked are censored; people charged are coerced
    ("Kenya wrote off Uganda's debt on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("Kenya blocked Ugandan websites on Monday.", [("COERCE", ["KEN"], ["UGA"])]),
    ("Kenya charged two Ugandans with espionage on Monday.", [("COERCE", ["KEN"], ["UGA"])]),
])
def test_talks_left_debts_written_off_sites_blocked(dyads, text, expected):
    assert [d for d in dyads(text) if d[0] != "CONSULT"] == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # measures named by a noun aim at what their clause targets; a package holds the measures it lists
    ("Washington announced new sanctions targeting Iranian oil exports to China.", [("SANCTION", ["USA"], ["IRN"])]),
    ("The measures announced by Japan include export bans on 100 Russian entities.", [("SANCTION", ["JPN"], ["RUS"])]),
])
def test_measures_aimed_by_their_clause_and_listed_in_a_package(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_statement_titled_by_a_body_speaks_for_the_body():
    # "Joint Statement of the G7 Foreign Ministers": "we" is the G7, an IGO the title names
    from bilat.model import Article
    from bilat.pipeline import process
    from bilat.settings import load_settings
    article = Article(id="g7", text="We condemn Russia's attacks on Ukraine. We call on Iran to stop supplying drones to Russia.",
                      published="2024-03-04", title="Joint Statement of the G7 Foreign Ministers")
    got = {(e.type, tuple(a.country for a in e.source), tuple(a.country for a in e.target))
           for e in next(process([article], load_settings())).events}
    assert ("ACCUSE", ("IGO:G7",), ("RUS",)) in got and ("REQUEST", ("IGO:G7",), ("IRN",)) in got, got


@pytest.mark.parametrize("text, expected", [
    # concern roused "by" a deed is aimed at its doer, as concern "about" it
    ("The European Union is deeply concerned by the Ugandan raid on Kenya.",
     [("ASSAULT", ["UGA"], ["KEN"]), ("ACCUSE", ["IGO:EU"], ["UGA"])]),
])
def test_concern_roused_by_a_deed(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a wrong told of another in a reported clause, or found by a state's inquiry, accuses it
    ("The Kenyan government said Uganda had abused the immunities of its embassy.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenya told reporters that Uganda was interfering in its internal affairs.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("A Kenyan inquiry found that Uganda had meddled in the election.", [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_wrongs_told_or_found_of_another_accuse_it(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # budget support suspended or cut is aid withdrawn (CAMEO 162)
    ("Kenya suspended budget support to Uganda on Thursday.", [("SANCTION", ["KEN"], ["UGA"])]),
    # what an event led a state to do, it did (as 'prompted', 'forced')
    ("The border incident led Nairobi to declare the Ugandan ambassador persona non grata on Thursday.",
     [("SANCTION", ["KEN"], ["UGA"])]),
    # flights or imports resumed after a halt concede the halt
    ("Kenya resumed flights to Uganda on Thursday.", [("CONCEDE", ["KEN"], ["UGA"])]),
])
def test_support_suspended_acts_led_to_and_flights_resumed(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a coup named by its compound ("the coup attempt") is the coup-makers' deed, not the last actor's
    ("Soldiers seized power in Gabon on Wednesday and placed President Ali Bongo under house arrest. The African "
     "Union suspended Gabon on Thursday. UN Secretary-General Antonio Guterres condemned the coup attempt.",
     ("ACCUSE", ["IGO:UN"], ["GAB"])),
    # a strike no event told is the one an earlier reaction to it accused, not the addressee of a letter
    ("Iran condemned the Israeli strike on Syria on Monday. Iran also slammed the United States for its support of "
     "Israel. Syria denounced the strike in a letter to the UN Secretary-General.", ("ACCUSE", ["SYR"], ["ISR"])),
    # a raid judged in a reported clause is the raider's; another speaker's report in the clause is not judged
    ("Kenyan police stormed the Ugandan embassy in Nairobi on Friday. Tanzania said the raid was a clear violation "
     "of the Vienna Convention, while Rwandan President Paul Kagame said Rwanda would seek a meeting of the African "
     "Union.", ("ACCUSE", ["TZA"], ["KEN"])),
])
def test_reactions_to_a_deed_aim_at_its_doer(dyads, text, expected):
    got = dyads(text)
    assert got[-1] == expected, got


@pytest.mark.parametrize("text, expected", [
    # "called it a violation": a deed so judged is the last attacker's, not the last actor's
    ("Kenyan police stormed the Ugandan embassy in Nairobi on Friday. Uganda granted asylum to a Kenyan opposition "
     "leader on Thursday. Tanzania called it a clear violation of the Vienna Convention.", ("ACCUSE", ["TZA"], ["KEN"])),
    # a contrasting clause's act is aimed inside it, not at the state of the main clause
    ("Rwanda condemned the Ugandan raid, while Tanzania said it opposes any violation of the convention.",
     ("ACCUSE", ["RWA"], ["UGA"])),
])
def test_deeds_judged_and_contrasting_clauses(dyads, text, expected):
    got = dyads(text)
    assert got[-1] == expected and ("ACCUSE", ["TZA"], ["RWA"]) not in got, got


def test_a_leader_named_with_more_given_names_than_the_table_has(dyads):
    # "Muhammad Shehbaz Sharif" is the table's Shehbaz Sharif, of Pakistan, though the text never says so
    got = dyads("Prime Minister Muhammad Shehbaz Sharif arrived in Beijing on Tuesday. Premier Li Qiang held talks "
                "with him on Thursday.")
    assert ("CONSULT", ["CHN"], ["PAK"]) in got, got


def test_a_states_council_speaks_for_it_and_a_claimed_attack_is_dated_when_claimed():
    # a state's council is its government (a claim it makes is an accusation), and the accusation is
    # made the day it is said, not the day of the attack it tells of
    events = bilat.extract("The Kenyan National Security Council said on Wednesday that Ugandan vessels rammed a "
                           "Kenyan supply boat on Monday.", PUBLISHED)
    assert [(e["type"], [a["country"] for a in e["source"]], [a["country"] for a in e["target"]]) for e in events] \
        == [("ACCUSE", ["KEN"], ["UGA"])], events
    published = __import__("datetime").date.fromisoformat(PUBLISHED)
    said = __import__("datetime").date.fromisoformat(events[0]["date"])
    assert said.weekday() == 2 and 0 <= (published - said).days < 7, events[0]["date"]


def test_a_colonel_in_a_story_led_by_his_country_speaks_for_it(dyads):
    got = dyads("Niger's ruling junta revoked a military accord with the United States on Saturday. Colonel Amadou "
                "Sani, reading a statement on state television, said the accord was illegal. He also accused a U.S. "
                "delegation of a condescending attitude.")
    assert ("ACCUSE", ["NER"], ["USA"]) in got, got


def test_a_leader_listed_as_name_comma_of_country():
    # the translated lists' "the presidents X, of Paraguay, Y, of Brazil": Y is Brazil's
    events = bilat.extract("Attending the meeting were the ministers Tomas Varga, of Hungary, Petra Novakova, of "
                           "Slovakia, and Ivan Horvat, of Croatia. Novakova criticised Serbia's absence.", PUBLISHED)
    people = {a.get("name"): a["country"] for e in events for a in e["source"]}
    assert people.get("Petra Novakova") == "SVK", events


def test_an_act_in_a_relative_clause_on_a_party_does_not_date_the_statement():
    # "a delegation that visited Niamey last week": the visit's week is not the accusation's day
    events = bilat.extract("Niger accused a U.S. delegation that visited Niamey last week of a condescending attitude.",
                           PUBLISHED)
    accusation = next(e for e in events if e["type"] == "ACCUSE")
    assert accusation["date"] != next(e for e in events if e["type"] == "CONSULT")["date"], events


@pytest.mark.parametrize("text, expected", [
    # a decision taken or announced to act is the act; one only weighed is not
    ("On Wednesday Kenya announced a decision to reduce the staff of the Ugandan embassy in Nairobi.",
     [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya's decision to expel two Ugandan diplomats angered Kampala.", [("SANCTION", ["KEN"], ["UGA"])]),
    ("Kenya is considering a decision to expel Ugandan diplomats.", []),
])
def test_a_decision_taken_to_act_is_the_act(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_journalists_question_label_is_no_speaker_nor_subject():
    from bilat.model import Article
    from bilat.pipeline import process
    from bilat.settings import load_settings
    text = ("Transcript of the weekly media briefing\n\nSpokesperson Jane Wambui: Good afternoon.\n\n"
            "Question (Peter Otieno, Lakeside Wire): The Seychelles asked Kenya to withdraw its personnel. "
            "Is that accepted?\n\nSpokesperson Jane Wambui: We will not go beyond what we have said.")
    article = Article(id="q", text=text, published="2024-03-04", title="Weekly media briefing", url="https://www.mfa.go.ke/b")
    events = next(process([article], load_settings())).events
    got = {(e.type, tuple(a.country for a in e.source), tuple(a.country for a in e.target)) for e in events}
    assert ("REQUEST", ("SYC",), ("KEN",)) in got, got


def test_the_warring_parties_are_not_the_pair_in_focus(dyads):
    # the story's pair (the US and Kenya) is not whom "the warring parties" means
    got = dyads("The United States imposed sanctions on the RSF leader on Tuesday. Kenya hosted RSF envoys in Nairobi "
                "on Wednesday. The African Union on Thursday urged the warring parties to agree to a ceasefire.")
    assert not any(d[0] == "REQUEST" and set(d[2]) == {"USA", "KEN"} for d in got), got


def test_a_states_finding_of_a_crime_accuses(dyads):
    # a finding ("determined", "found") that another's forces committed a crime accuses them; the word
    # alone in other reports does not judge ("allegations that it played a role in the genocide" are another's)
    assert dyads("The United States on Tuesday determined that members of Uganda's army had committed genocide.") \
        == [("ACCUSE", ["USA"], ["UGA"])]


def test_whom_one_speaks_for_is_not_met(dyads):
    # "a mandate to speak for the bloc": the EU is not a party Hungary meets
    got = dyads("EU foreign policy chief Josep Borrell said on Friday that Hungarian Prime Minister Viktor Orban had "
                "no mandate to speak for the bloc.")
    assert not any(d[0] == "CONSULT" for d in got), got


def test_what_a_state_ruled_out_doing_it_did_not_do(dyads):
    # "which has ruled out sending its own troops": the parser's adverbial gerund is the refusal's complement
    got = dyads("Washington, which has ruled out sending its own troops, has pledged more than $300 million to the "
                "mission in Haiti.")
    assert not any(d[0] == "MOBILIZE" for d in got), got


def test_an_armed_group_by_its_english_acronym(dyads):
    # MUJWA is the English acronym of the group groups.tsv lists as MUJAO (Mali)
    assert dyads("MUJWA fighters attacked a French convoy near Gao on Monday.")[0][1] == ["MLI"]


@pytest.mark.parametrize("text", [
    # a concession is made to someone: with no one named or found, no CONCEDE is recorded
    "China said it regretted the military strikes.",
    "Russia's decision on Wednesday to resume its participation is welcome.",
])
def test_a_concession_to_no_one_is_not_recorded(dyads, text):
    assert not any(d[0] == "CONCEDE" for d in dyads(text)), dyads(text)


@pytest.mark.parametrize("text, expected", [
    # the parser hangs the that-clause on "statement": it is still what the ministry said
    ("Kenya's foreign ministry said in a statement that Uganda had violated its sovereignty.",
     [("ACCUSE", ["KEN"], ["UGA"])]),
    ("The Kenyan government said in a statement that Uganda must withdraw its soldiers from the island.",
     [("REQUEST", ["KEN"], ["UGA"])]),
    # a wrong told in a clause joined to a negated one is not negated with it
    ("Nairobi said that the envoy was not entitled to immunity and that Uganda had abused the privileges of "
     "its embassy.", [("ACCUSE", ["KEN"], ["UGA"])]),
])
def test_a_clause_told_in_a_statement_and_a_wrong_beside_a_negated_clause(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a deed laid at another's door in a reported clause accuses it (CAMEO codes "hold responsible" 112)
    ("Kenya said Uganda was behind the attack on its border post.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Nairobi said Ugandan agents were involved in the killing of a Kenyan journalist.", [("ACCUSE", ["KEN"], ["UGA"])]),
    ("Kenya said Uganda was responsible for the bombing.", [("ACCUSE", ["KEN"], ["UGA"])]),
    # ... not when denied, nor by the doer itself
    ("Kenya said Uganda was not behind the attack.", []),
    ("Uganda denied it was behind the attack on the Kenyan border post.", []),
])
def test_a_deed_laid_at_anothers_door_accuses_it(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # customs duties are a tariff: imposed, a sanction; lifted, a concession
    ("The European Union imposed duties on Kenyan flowers on Thursday.", [("SANCTION", ["IGO:EU"], ["KEN"])]),
    ("Uganda lifted its duties on Kenyan milk on Monday.", [("CONCEDE", ["UGA"], ["KEN"])]),
    # the light verb of a measure in a relative clause, through a verb of starting
    ("Kenya opposes the tariffs which Uganda began to impose on Thursday on Kenyan milk.",
     [("SANCTION", ["UGA"], ["KEN"]), ("ACCUSE", ["KEN"], ["UGA"])]),
    # duty in its other senses is no measure
    ("It is the duty of Kenya to protect Ugandan citizens, President Ruto said.", []),
])
def test_duties_as_tariffs_and_measures_begun_in_a_relative_clause(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_where_a_barred_person_may_not_go_is_not_the_measures_home(dyads):
    # the country one is barred from entering is not the target's (home_country read it as a measure at home)
    got = dyads("Washington barred the general from entering the United States.")
    assert ("SANCTION", ["USA"], ["USA"]) not in got and ("COERCE", ["USA"], ["USA"]) not in got, got


@pytest.mark.parametrize("text, expected", [
    # another's forces or arms called a legitimate target: force threatened at their owner (CAMEO 138)
    ("The Ugandan army said that Kenyan troops and their bases are a legitimate target.", [("THREATEN", ["UGA"], ["KEN"])]),
    # ... not a victim told as an attack's target
    ("Kenya said Ugandan soldiers were the target of the attack.", []),
])
def test_a_legitimate_target_is_threatened(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text", [
    "Nairobi said Uganda's decision to close the border was inappropriate.",
    "Kenya said Uganda's account of the incident was incorrect.",
])
def test_more_words_of_a_negative_judgement(dyads, text):
    assert dyads(text) == [("ACCUSE", ["KEN"], ["UGA"])], dyads(text)


@pytest.mark.parametrize("text, expected", [
    # a statement told to someone is addressed to them, when it is the teller's own
    ("Ruto told Museveni that Kenya was ready to reopen the border.", [("AGREE", ["KEN"], ["UGA"])]),
    # ... not to the reporters or the paper told, nor to the audience of a third party's report
    ("Ruto told the BBC that Kenya was ready to reopen the border.", []),
    ("Uganda has agreed to withdraw its troops from the island, the AU envoy told the Kenyan parliament.", []),
])
def test_a_statement_told_to_someone_is_addressed_to_them(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


@pytest.mark.parametrize("text, expected", [
    # joint operations, or operations with a partner's forces, are military cooperation (spec: COOPERATE)
    ("Kenya said it had conducted joint flight operations with the Uganda People's Defence Force on Thursday.",
     [("COOPERATE", ["KEN"], ["UGA"])]),
    # ... a military operation of one's own is no event the noun can tell
    ("Kenya conducted a military operation in Somalia on Monday.", []),
])
def test_joint_operations_are_cooperation(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_clause_hung_on_a_transcript_label_is_no_describing_participle(dyads):
    # the parser hangs the line on its label as a participle; with its own subject it is a clause
    got = dyads("Spokesperson: Three Kenyan fishermen were released by the Ugandan authorities on Thursday.")
    assert got == [("RETREAT", ["UGA"], ["KEN"])], got


def test_an_act_dated_in_one_clause_does_not_date_a_clause_of_another_subject():
    # "the step answered Kampala's expulsion ... last month, and Wambui warned": last month is the expulsion's
    events = bilat.extract("Kenya on Wednesday expelled two Ugandan diplomats. The ministry said the step was a "
                           "response to Kampala's groundless expulsion of two Kenyan embassy staff last month, and "
                           "spokeswoman Jane Wambui warned that any further unfriendly steps by the Ugandan "
                           "authorities would not go unanswered.", PUBLISHED)
    warning = next(e for e in events if e["type"] == "THREATEN")
    assert warning["date"] == "2024-05-15", events


def test_a_call_hung_on_what_was_told_still_has_whom_it_was_told_to(dyads):
    # the parser hangs "in a phone call" on "the decision"; the call is still with whom he told
    got = dyads("Kenyan President William Ruto said Yoweri Museveni had told him of the decision in a phone call "
                "on Tuesday.")
    assert got == [("CONSULT", ["UGA"], ["KEN"])], got


@pytest.mark.parametrize("text", [
    # a meeting no one is said to hold is held by the parties it is between, all of them sources
    "Talks between Kenya and Uganda were held on Saturday in Arusha.",
    "The talks of Kenya and Uganda were held on Saturday in Arusha.",
])
def test_a_meeting_held_is_held_by_its_parties(dyads, text):
    got = dyads(text)
    assert any(t == "CONSULT" and {"KEN", "UGA"} <= set(s) and not o for t, s, o in got), got


def test_them_after_both_countries_is_the_pair(dyads):
    # "binding on both countries and urged them to comply": 'them' is the pair, not the speaker
    got = dyads("Kenya and Uganda clashed over the island on Monday. The US said the ruling was binding on both "
                "countries and urged them to comply.")
    assert ("REQUEST", ["USA"], ["KEN", "UGA"]) in got, got


@pytest.mark.parametrize("text", [
    # a measure suspended is eased, as a sanction suspended is (nouns.tsv: each measure row the same way)
    "Uganda suspended its tariffs on Kenyan milk on Friday.",
    "Uganda suspended the ban on Kenyan milk on Friday.",
])
def test_a_measure_suspended_is_a_concession(dyads, text):
    assert dyads(text) == [("CONCEDE", ["UGA"], ["KEN"])], dyads(text)


@pytest.mark.parametrize("text, expected", [
    # an IGO that names whose troops they are is not the body withdrawn from
    ("Hundreds of UN troops withdrew from the Ugandan side of the border on Monday.", [("RETREAT", ["IGO:UN"], ["UGA"])]),
    ("Mali withdrew from ECOWAS on Sunday.", [("SANCTION", ["MLI"], ["IGO:ECOWAS"])]),
])
def test_troops_of_a_body_withdrawing_are_no_withdrawal_from_it(dyads, text, expected):
    assert dyads(text) == expected, dyads(text)


def test_a_field_hospital_flown_in_is_relief(dyads):
    got = dyads("A Kenyan military plane carrying a field hospital landed in Kampala on Tuesday.")
    assert ("AID", ["KEN"], ["UGA"]) in got, got


@pytest.mark.parametrize("text, expected", [
    # "the kingdom" is the last state named that is a kingdom, not merely the last state named
    ("Morocco accused Kenya of meddling. On Sunday, the kingdom expelled the Kenyan ambassador.",
     ("SANCTION", ["MAR"], ["KEN"])),
    # "the Kingdom of X" names its own state
    ("Kenya thanked the Kingdom of Morocco for its support.", ("SUPPORT", ["KEN"], ["MAR"])),
])
def test_the_kingdom_is_the_last_kingdom_named(dyads, text, expected):
    assert expected in dyads(text), dyads(text)


def test_a_bare_day_between_subject_and_verb_dates_the_verb(nlp):
    # "Kenya last Friday called on ...": the parser hangs the day on the subject
    events = bilat.extract("Kenya's foreign ministry last Friday called on Ugandan authorities to free the activists.",
                           PUBLISHED)
    assert [(e["type"], e["date"]) for e in events] == [("REQUEST", "2024-05-10")], events


def test_the_day_of_a_ceremony_an_act_was_done_at_is_the_acts(nlp):
    events = bilat.extract("Kenya's ambassador, Njeri Mwangi, handed over 500 tonnes of maize to the Disaster Relief "
                           "Unit at a ceremony in Kampala on Wednesday, the embassy said.", PUBLISHED)
    assert [(e["type"], e["date"]) for e in events] == [("AID", "2024-05-15")], events


def test_a_speech_whose_title_names_only_its_state_speaks_for_that_state(nlp):
    # "'...': excerpts from Kenya's address": no speaker's name or role in the title, the state itself speaks
    events = _processed(dict(
        id="t", published=PUBLISHED, title="'No bystanders': excerpts from Kenya's address to the UN General Assembly",
        text="Kenya's Foreign Minister, Musalia Mudavadi, addressed the General Assembly on Thursday. Below are "
             "excerpts.\n\n\"Mr. President, the world cannot look away. We call on Uganda to withdraw its forces."))
    got = _dyad_set(events)
    assert ("REQUEST", ("KEN",), ("UGA",)) in got, got
    # ... by the mouth of its official the text names
    assert [a.name for e in events if e.type == "REQUEST" for a in e.source] == ["Musalia Mudavadi"]


def test_a_statement_joined_to_a_report_that_would_aim_at_its_own_subject_is_the_speakers(dyads):
    # "declared that the Ugandan forces shelled ... and accused Kampala": Kenya accuses, not Uganda itself
    got = dyads("The Kenyan side declared that the Ugandan forces shelled the border villages and accused Kampala of "
                "armed provocation.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in got and ("ACCUSE", ["UGA"], ["UGA"]) not in got, got


def test_latin_american_is_no_american(dyads):
    got = dyads("Kenya expelled diplomats from five Latin American countries, including Chile and Peru, on Monday.")
    assert sorted(got) == [("SANCTION", ["KEN"], ["CHL"]), ("SANCTION", ["KEN"], ["PER"])], got


@pytest.mark.parametrize("text, expected", [
    # "the Islamist group" is the group last named before it
    ("Al Shabaab fighters stormed a Kenyan base in Somalia on Friday. The militant group said on Saturday it had "
     "killed dozens of Kenyan soldiers.", ("ASSAULT", ["SOM"], ["KEN"])),
])
def test_the_group_is_the_group_last_named(dyads, text, expected):
    got = dyads(text)
    assert expected in got and ("ASSAULT", ["KEN"], ["KEN"]) not in got, got


def test_an_envoy_summoned_in_a_capital_is_not_of_that_capitals_state(dyads):
    # where the envoy was summoned ("in Nairobi") is the summoner's capital, not the envoy's post
    got = dyads("Nairobi warned Kampala on Thursday. On Tuesday, Deputy Foreign Minister Jane Achieng summoned the "
                "Ugandan charge d'affaires in Nairobi to lodge a protest.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in got and ("ACCUSE", ["UGA"], ["KEN"]) not in got, got


@pytest.mark.parametrize("word", ["regrettable", "alarming", "troubling"])
def test_words_of_concern_judge(dyads, word):
    got = dyads(f"Kenya's foreign minister said Uganda's decision to close the border was {word}.")
    assert ("ACCUSE", ["KEN"], ["UGA"]) in got, got


def test_a_call_with_a_demand_hung_as_a_purpose_clause_requests(dyads):
    # the parser hangs "to impose sanctions" on "called" as a purpose clause: still a demand, not a phone call
    got = dyads("Kenyan Foreign Minister Musalia Mudavadi on Monday called the European Union to impose the sanctions "
                "against Uganda.")
    assert ("REQUEST", ["KEN"], ["IGO:EU"]) in got and not any(t == "CONSULT" for t, _, _ in got), got


def test_the_two_men_are_the_two_who_just_met(dyads):
    got = dyads("On Monday, Kenyan Foreign Minister Musalia Mudavadi sat down in Kampala with Ugandan Foreign "
                "Minister Jeje Odongo. The two men reached a consensus on the fishing rights.")
    assert ("CONSULT", ["KEN"], ["UGA"]) in got and ("AGREE", ["KEN", "UGA"], []) in got, got
    # ("the two men" who are not a pair that just met stand for no state)
    got = dyads("Kenya protested to Uganda on Monday. Police said the two men were arrested in Kampala.")
    assert not any(["KEN", "UGA"] in (s, t) for _, s, t in got), got


def test_a_noun_of_a_list_read_as_a_verb_borrows_no_subject(dyads):
    # "air strikes and artillery shelling against civilians": the parser made 'shelling' a verb of the
    # condemnation, so Kenya seemed to shell
    got = dyads("Kenya strongly condemned the continued acts of violence in Uganda, including air strikes and "
                "artillery shelling against civilians and schools.")
    assert not any(t == "ASSAULT" for t, _, _ in got), got


def test_a_statement_titled_in_its_first_line_speaks_for_its_body(nlp):
    # a body's statement reprinted under a headline: its own title, the first line, names the voice of "we"
    events = _processed(dict(
        id="t", published=PUBLISHED, title="East African ministers welcome Kenyan aid to Uganda",
        text="Press Statement by the Chair of the East African Community Foreign Ministers' Retreat\n\n"
             "1. We welcomed the delivery of humanitarian assistance by Kenya to the flood victims in Uganda."))
    got = {(e.type, tuple(a.country for a in e.source), tuple(a.country for a in e.target)) for e in events}
    assert ("SUPPORT", ("IGO:EAC",), ("KEN",)) in got, got
    assert all(a.name is None for e in events for a in e.source if a.country == "IGO:EAC")


@pytest.mark.parametrize("text", ["Kenya sent no troops to the border with Uganda.",
                                  "No Kenyan troops were sent to the border with Uganda."])
def test_an_act_done_on_nothing_is_not_done(dyads, text):
    assert not any(t == "MOBILIZE" for t, _, _ in dyads(text)), dyads(text)


def test_his_in_a_phrase_of_the_clause_is_the_subjects_named_by_a_post(dyads):
    # "The President briefed Odongo on his meeting ...": the President's meeting, not Odongo's
    got = dyads("Kenyan President William Ruto spoke with Ugandan Foreign Minister Jeje Odongo on Wednesday. The "
                "President briefed Odongo on his meeting in Washington last week with President Donald Trump.")
    assert ("CONSULT", ["KEN"], ["USA"]) in got and ("CONSULT", ["UGA"], ["USA"]) not in got, got


def test_a_visit_to_a_place_of_ones_own_state_is_no_meeting_with_its_claimant(dyads):
    got = dyads("Kenyan President William Ruto visited Kisumu, which Uganda claims, on Monday.")
    assert not any(t == "CONSULT" for t, _, _ in got), got


def test_a_later_subject_after_an_and_that_joins_clauses_acts(dyads):
    # the parser gave "urged" both subjects; the first one's "accused Nairobi" is no part of its name
    got = dyads("Several lawmakers from the ruling party and the opposition accused Nairobi of double standards for "
                "courting an authoritarian regime while condemning Kampala, and the Ugandan foreign ministry urged "
                "the EU to ensure that energy interests did not come at the expense of values.")
    assert ("REQUEST", ["UGA"], ["IGO:EU"]) in got and not any(s == ["KEN"] for _, s, _ in got), got
    # (a participle on what the noun is of still tells whose it is)
    got = dyads("A convoy of 30 trucks carrying maize donated by the Kenyan government crossed into Uganda on Monday.")
    assert ("AID", ["KEN"], ["UGA"]) in got, got


@pytest.mark.parametrize("text, expected", [
    ("Ugandan forces crossed into Kenya's Busia region on August 6.", [("ASSAULT", ["UGA"], ["KEN"])]),
    # what crosses must be armed: aid trucks bring aid, balloons nothing
    ("A convoy of trucks carrying food donated by Kenya crossed into Uganda on Monday.", [("AID", ["KEN"], ["UGA"])]),
    ("Balloons carrying leaflets have crossed into Kenya from Uganda more than 200 times.", []),
])
def test_armed_forces_crossing_into_anothers_land_is_force(dyads, text, expected):
    assert dyads(text) == expected


def test_days_later_is_the_month_of_the_act_before_and_hours_later_its_day():
    got = [(e["type"], e["date"]) for e in bilat.extract(
        "Kenya and Uganda reached an agreement on patrolling in October. Days later, Ruto and Museveni held talks in "
        "Kampala.", PUBLISHED)]
    assert ("CONSULT", "2023-10") in got, got
    got = [(e["type"], e["date"]) for e in bilat.extract(
        "Kenya expelled Uganda's ambassador on March 3, 2023. Hours later, Uganda expelled Kenya's envoy.", PUBLISHED)]
    assert got == [("SANCTION", "2023-03-03"), ("SANCTION", "2023-03-03")], got


def test_soldiers_of_two_states_killed_in_fighting_fought_each_other(dyads):
    got = dyads("The relationship had collapsed in June 2020, when 20 Kenyan soldiers and at least four Ugandan troops "
                "were killed in hand-to-hand fighting.")
    assert ("ASSAULT", ["KEN", "UGA"], ["KEN", "UGA"]) in got, got
    # (soldiers of one state killed in fighting name no one who fought them)
    assert dyads("Ten Kenyan soldiers were killed in fighting on Monday.") == []


def test_a_body_addressing_unnamed_rulers_addresses_the_state_of_the_story(dyads):
    got = dyads("Soldiers seized power in Uganda in February. The East African Community has urged the military "
                "government to accept the visit of a special envoy.")
    assert ("REQUEST", ["IGO:EAC"], ["UGA"]) in got, got
    # (in a story of two states level, whose rulers is not told)
    assert dyads("Kenya and Uganda disagree. The African Union urged the government to release the detainees.") == []



@pytest.mark.parametrize("text, expected", [
    # praise by its adverb, as readouts write it
    ("Kenya spoke highly of Uganda's efforts to end the dispute.", [("SUPPORT", ["KEN"], ["UGA"])]),
    ("Kenya highly evaluates Uganda's role in the region.", [("SUPPORT", ["KEN"], ["UGA"])]),
    ("Kenya positively assessed the results of the talks with Uganda.", [("SUPPORT", ["KEN"], ["UGA"])]),
    ("Kenya assessed the damage in Uganda.", []),
    # drills completed, a week of them
    ("The Kenyan navy had completed a week of live-fire drills around the islands on Monday.",
     [("MOBILIZE", ["KEN"], [])]),
])
def test_praise_by_its_adverb_and_drills_completed(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an assurance given promises; some categories of visas resumed are visas resumed
    ("Kenya assured Uganda that it would support the talks.", [("AGREE", ["KEN"], ["UGA"])]),
    ("Kenya resumes some categories of visas for Ugandans.", [("CONCEDE", ["KEN"], ["UGA"])]),
])
def test_assurances_and_kinds_of_a_thing(dyads, text, expected):
    assert dyads(text) == expected


@pytest.mark.parametrize("text", [
    "Kenya said it would respond to the request next week.",  # an answer to what was asked
    "Kenyan officials did not say how Nairobi would respond.",  # an answer wondered at
    "Kenya and Uganda will meet next week.",  # a meeting
    "Kenya will give a reply to the Ugandan letter next week.",  # a reply to what was written
])
def test_no_threat_in_an_answer_that_is_no_retaliation(dyads, text):
    assert not any(t == "THREATEN" for t, _, _ in dyads(text))


def test_a_meeting_read_as_one_countrys_has_lost_its_other_side(dyads):
    # both sides read as Kenya's and neither is its people: the other side was misread, no meeting is coded
    assert dyads("Kenyan President William Ruto received Kenya's Sheikh Ali Kato in Nairobi on Monday.") == []
    # one side is the country's people: a meeting at home stays
    assert ("CONSULT", ["KEN"], ["KEN"]) in dyads("Kenyan demonstrators received ministers from the Kenyan government.")


@pytest.mark.parametrize("text", [
    "A Kenyan plane carrying medicine flew into Uganda on Monday.",  # it carries aid
    "Kenyan fishing boats entered Ugandan waters on Monday.",  # a civilian craft
    "Uganda said Kenyan boats had intruded into its waters.",  # an accusation told, not an incursion seen
])
def test_no_incursion_by_a_craft_that_is_none(dyads, text):
    assert not any(t == "MOBILIZE" for t, _, _ in dyads(text))


def test_waters_entered_are_no_water_given(dyads):
    assert dyads("Kenyan fishing boats entered Ugandan waters on Monday.") == []


@pytest.mark.parametrize("text, expected", [
    # what was fired, downed by the side it was fired at, is its defence, not a second attack
    ("Uganda launched drones at Nairobi overnight, Kenya's air force said, adding that air defences shot down most "
     "of them.", [("ASSAULT", ["UGA"], ["KEN"])]),
    # "setting off a car bomb": how the attack was done (a phrasal trigger, as a bare one)
    ("Al Shabaab militants attacked a Kenyan-run African Union base in southwestern Somalia on Friday, setting off a "
     "car bomb at the gate before storming the camp.", [("ASSAULT", ["SOM"], ["KEN"])]),
])
def test_one_attack_not_two(dyads, text, expected):
    assert dyads(text) == expected


def test_meeting_held_of_two_delegations_is_theirs(nlp):
    # a meeting no one is said to hold is held by the states its 'of' names, however the parser hangs the
    # second (here as a conjunct of "delegations", with the venue in one of them)
    text = ("On December 3 in the city of Bishkek was held the regular meeting of the heads of the government "
            "delegations of the Republic of Tajikistan and the Kyrgyz Republic on the issues of delimitation.")
    found = [(e["type"], sorted(a["country"] for a in e["source"]), e["date"]) for e in bilat.extract(text, "2024-12")]
    assert found == [("CONSULT", ["KGZ", "TJK"], "2024-12-03")]


def test_a_surname_with_its_particle_stays_whole(nlp):
    # the tagger cuts "Ursula von der" from "Leyen", which it reads as a place
    events = bilat.extract("The President of the European Commission, Ursula von der Leyen, met today in Nairobi with "
                           "the President of the Republic of Kenya, William Ruto.", PUBLISHED)
    names = {a.get("name") for e in events for a in e["source"] + e["target"]}
    assert "Ursula von der Leyen" in names, names


def test_talks_in_the_eus_seat_are_placed_in_its_country():
    # the seat is the EU when it acts, a Belgian city when it is where something happened
    events = bilat.extract("Kenya and Uganda held talks in Brussels on Monday.", PUBLISHED)
    assert [(e["type"], e["location"]) for e in events] == [("CONSULT", {"name": "Brussels", "country": "BEL"})], events


def test_a_former_holder_of_a_post_is_not_who_the_post_means():
    # "Kenya's president" is not the former president the story names later
    events = bilat.extract("Kenya's president met Ugandan President Yoweri Museveni in Kampala on Friday. A day earlier "
                           "he had attended the inauguration of former president Jane Wanjiru as head of a regional "
                           "bank.", PUBLISHED)
    names = {a.get("name") for e in events for a in e["source"] + e["target"]}
    assert "Jane Wanjiru" not in names and "Yoweri Museveni" in names, events
