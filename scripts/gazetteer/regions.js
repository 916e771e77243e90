// regions.js: hand-written knowledge the data packages lack, written for
// khaldun from general knowledge (not copied from any database).
'use strict';

// First-level regions named by their seat: the generator finds the seat
// (a PPLA or PPLC town of that name in the country) and takes its GeoNames
// admin1 code, so no code has to be remembered. Regions whose seat cannot be
// found that way are left out.
exports.bySeat = {
  AU: { 'Australian Capital Territory': 'Canberra', 'New South Wales': 'Sydney', 'Northern Territory': 'Darwin',
    Queensland: 'Brisbane', 'South Australia': 'Adelaide', Tasmania: 'Hobart', Victoria: 'Melbourne', 'Western Australia': 'Perth' },
  CA: { Alberta: 'Edmonton', 'British Columbia': 'Victoria', Manitoba: 'Winnipeg', 'New Brunswick': 'Fredericton',
    'Newfoundland and Labrador': "St. John's", 'Nova Scotia': 'Halifax', Ontario: 'Toronto', 'Prince Edward Island': 'Charlottetown',
    Quebec: 'Québec', Saskatchewan: 'Regina', Yukon: 'Whitehorse', 'Northwest Territories': 'Yellowknife', Nunavut: 'Iqaluit' },
  IN: { Maharashtra: 'Mumbai', 'Uttar Pradesh': 'Lucknow', Bihar: 'Patna', 'West Bengal': 'Kolkata', 'Tamil Nadu': 'Chennai',
    Karnataka: 'Bengaluru', Kerala: 'Thiruvananthapuram', Gujarat: 'Gandhinagar', Rajasthan: 'Jaipur', 'Madhya Pradesh': 'Bhopal',
    Telangana: 'Hyderabad', Odisha: 'Bhubaneshwar', Assam: 'Dispur', 'Jammu and Kashmir': 'Srinagar', Jharkhand: 'Ranchi',
    Chhattisgarh: 'Raipur', Uttarakhand: 'Dehra Dun', 'Himachal Pradesh': 'Shimla', Goa: 'Panaji', Manipur: 'Imphal' },
  CN: { Sichuan: 'Chengdu', Hunan: 'Changsha', Zhejiang: 'Hangzhou', Guangdong: 'Guangzhou', Hubei: 'Wuhan', Henan: 'Zhengzhou',
    Hebei: 'Shijiazhuang', Shandong: 'Jinan', Jiangsu: 'Nanjing', Fujian: 'Fuzhou', Yunnan: 'Kunming', Guizhou: 'Guiyang',
    Shaanxi: "Xi'an", Shanxi: 'Taiyuan', Gansu: 'Lanzhou', Qinghai: 'Xining', Anhui: 'Hefei', Jiangxi: 'Nanchang', Liaoning: 'Shenyang',
    Jilin: 'Changchun', Heilongjiang: 'Harbin', Hainan: 'Haikou', Xinjiang: 'Ürümqi', Tibet: 'Lhasa', 'Inner Mongolia': 'Hohhot',
    Guangxi: 'Nanning', Ningxia: 'Yinchuan' },
  DE: { Bavaria: 'Munich', 'Baden-Württemberg': 'Stuttgart', Hesse: 'Wiesbaden', 'North Rhine-Westphalia': 'Düsseldorf',
    'Lower Saxony': 'Hannover', Saxony: 'Dresden', 'Saxony-Anhalt': 'Magdeburg', Thuringia: 'Erfurt', Brandenburg: 'Potsdam',
    'Mecklenburg-Vorpommern': 'Schwerin', 'Schleswig-Holstein': 'Kiel', 'Rhineland-Palatinate': 'Mainz', Saarland: 'Saarbrücken' },
  FR: { 'Île-de-France': 'Paris', Brittany: 'Rennes', Normandy: 'Rouen', "Provence-Alpes-Côte d'Azur": 'Marseille',
    'Auvergne-Rhône-Alpes': 'Lyon', 'Nouvelle-Aquitaine': 'Bordeaux', 'Hauts-de-France': 'Lille', 'Grand Est': 'Strasbourg',
    Occitanie: 'Toulouse', 'Pays de la Loire': 'Nantes', Corsica: 'Ajaccio', 'Bourgogne-Franche-Comté': 'Dijon', 'Centre-Val de Loire': 'Orléans' },
  IT: { Lombardy: 'Milan', Lazio: 'Rome', Campania: 'Naples', Sicily: 'Palermo', Veneto: 'Venice', Piedmont: 'Turin',
    Tuscany: 'Florence', Sardinia: 'Cagliari', Apulia: 'Bari', Calabria: 'Catanzaro', Liguria: 'Genoa', 'Emilia-Romagna': 'Bologna' },
  PK: { Punjab: 'Lahore', Sindh: 'Karachi', 'Khyber Pakhtunkhwa': 'Peshawar', Balochistan: 'Quetta' },
  NG: { Borno: 'Maiduguri', Lagos: 'Ikeja', Rivers: 'Port Harcourt', Yobe: 'Damaturu', Adamawa: 'Yola', Plateau: 'Jos',
    Benue: 'Makurdi', Zamfara: 'Gusau' },
  BR: { 'Minas Gerais': 'Belo Horizonte', Bahia: 'Salvador', 'Rio Grande do Sul': 'Porto Alegre', 'Paraná': 'Curitiba',
    Pernambuco: 'Recife', 'Ceará': 'Fortaleza', 'Pará': 'Belém', Amazonas: 'Manaus' },
  MX: { Jalisco: 'Guadalajara', 'Nuevo León': 'Monterrey', Sinaloa: 'Culiacán', Sonora: 'Hermosillo', 'Michoacán': 'Morelia',
    'Baja California': 'Mexicali', Tamaulipas: 'Ciudad Victoria' },
};

// Other names of regions: press abbreviations (AP and Canadian Press).
exports.regionAlts = {
  AU: { 'New South Wales': ['NSW'] },
  CA: { Alberta: ['Alta.'], 'British Columbia': ['B.C.'], Manitoba: ['Man.'], 'New Brunswick': ['N.B.'], Ontario: ['Ont.'],
    Quebec: ['Que.', 'Québec'], Saskatchewan: ['Sask.'], 'Nova Scotia': ['N.S.'], 'Newfoundland and Labrador': ['Newfoundland', 'Nfld.'],
    'Prince Edward Island': ['P.E.I.'] },
  US: { Alabama: ['Ala.'], Arizona: ['Ariz.'], Arkansas: ['Ark.'], California: ['Calif.'], Colorado: ['Colo.'], Connecticut: ['Conn.'],
    Florida: ['Fla.'], Georgia: ['Ga.'], Illinois: ['Ill.'], Kansas: ['Kan.', 'Kans.'], Kentucky: ['Ky.'], Louisiana: ['La.'],
    Maryland: ['Md.'], Massachusetts: ['Mass.'], Michigan: ['Mich.'], Minnesota: ['Minn.'], Missouri: ['Mo.'], Montana: ['Mont.'],
    Nebraska: ['Neb.', 'Nebr.'], Nevada: ['Nev.'], 'New Hampshire': ['N.H.'], 'New Jersey': ['N.J.'], 'New Mexico': ['N.M.'],
    'New York': ['N.Y.'], 'North Carolina': ['N.C.'], 'North Dakota': ['N.D.'], Oklahoma: ['Okla.'], Oregon: ['Ore.'],
    Pennsylvania: ['Pa.'], 'Rhode Island': ['R.I.'], 'South Carolina': ['S.C.'], 'South Dakota': ['S.D.'], Tennessee: ['Tenn.'],
    Texas: ['Tex.'], Vermont: ['Vt.'], Virginia: ['Va.'], Washington: ['Wash.'], 'West Virginia': ['W.Va.'], Wisconsin: ['Wis.'],
    Wyoming: ['Wyo.'], 'District of Columbia': ['D.C.'] },
  GB: { England: [], Scotland: [], Wales: [], 'Northern Ireland': [] },
};

// Continents, at the points GeoNames gives them, so that "Europe" or
// "Asian" is a place and not a namesake village.
exports.continents = [
  ['Africa', ['African'], 7.1881, 21.0938],
  ['Antarctica', ['Antarctic'], -78.1586, 16.4063],
  ['Asia', ['Asian'], 29.8405, 89.2969],
  ['Europe', ['European'], 48.6909, 9.1406],
  ['North America', ['North American'], 46.0732, -100.5469],
  ['Oceania', [], -18.3128, 138.5156],
  ['South America', ['South American'], -14.6048, -57.6563],
];

// Country points where world-countries' (CIA Factbook) point is far from
// the one GeoNames uses, which is what news geoparsers are scored against.
exports.countryPoints = {
  USA: [39.76, -98.5], CAN: [60.10867, -113.64258], AUS: [-25, 135], JPN: [35.68536, 139.75309],
  GBR: [54.75844, -2.69531], RUS: [60, 100], IND: [22, 79], CHN: [35, 105],
};

// English names GeoNames does not give as a town's main name, by ISO2
// country: [English, GeoNames name].
exports.exonyms = {
  CH: [['Geneva', 'Genève'], ['Lucerne', 'Luzern']],
  DE: [['Cologne', 'Köln'], ['Nuremberg', 'Nürnberg'], ['Hanover', 'Hannover']],
  SE: [['Gothenburg', 'Göteborg']],
  BE: [['Antwerp', 'Antwerpen'], ['Bruges', 'Brugge'], ['Ghent', 'Gent']],
  ES: [['Seville', 'Sevilla'], ['Saragossa', 'Zaragoza']],
  UA: [['Kiev', 'Kyiv'], ['Odessa', 'Odesa'], ['Kharkov', 'Kharkiv']],
  PS: [['Khan Younis', 'Khān Yūnis'], ['Gaza City', 'Gaza']],
  IT: [['Leghorn', 'Livorno']],
  DK: [['Elsinore', 'Helsingør']],
  PL: [['Warsaw', 'Warsaw'], ['Cracow', 'Kraków']],
  CZ: [['Prague', 'Prague']],
  IN: [['Bangalore', 'Bengaluru'], ['Bombay', 'Mumbai'], ['Calcutta', 'Kolkata'], ['Madras', 'Chennai']],
  MM: [['Rangoon', 'Yangon']],
  US: [['New York', 'New York City']],
};

// Regions news names that are no first-level division of the data (or whose
// division the data lacks), at rough central points: [name, ISO2, lat, lon,
// other names]. Written for khaldun; points are approximate, and the
// generator gives each a nominal population of 1,000,000 so that it
// outranks namesake villages.
exports.areas = [
  ['Darfur', 'SD', 13.5, 24.5, []],
  ['Crimea', 'UA', 45.3, 34.4, ['Crimean Peninsula']],
  ['Donbas', 'UA', 48.0, 38.5, ['Donbass']],
  ['West Bank', 'PS', 32.0, 35.25, []],
  ['Golan Heights', 'SY', 33.0, 35.75, ['Golan']],
  ['Sinai', 'EG', 29.5, 33.8, ['Sinai Peninsula']],
  ['Kashmir', 'IN', 34.0, 76.0, []],
  ['Iraqi Kurdistan', 'IQ', 36.2, 44.0, ['Kurdistan Region']],
  ['Tigray', 'ET', 14.0, 39.0, []],
  ['Balochistan', 'PK', 28.5, 65.5, ['Baluchistan']],
  ['Nagorno-Karabakh', 'AZ', 39.9, 46.7, ['Karabakh']],
  ['Borneo', 'ID', 0.5, 114.0, []],
  ['Sumatra', 'ID', -0.5, 101.5, []],
  ['Java', 'ID', -7.3, 110.0, []],
  ['Bali', 'ID', -8.4, 115.2, []],
  ['Luzon', 'PH', 16.0, 121.0, []],
  ['Mindanao', 'PH', 7.5, 125.0, []],
  ['Siberia', 'RU', 60.0, 105.0, []],
  ['Patagonia', 'AR', -44.0, -69.0, []],
  ['Sahel', 'ML', 15.0, 0.0, []],
];
