<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="108" />
        <source>Cannot open the database</source>
        <translation>Impossible d'ouvrir la base de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="109" />
        <source>The database {0} could not be opened:
{1}</source>
        <translation>La base de données {0} n'a pas pu être ouverte :
{1}</translation>
    </message>
</context>
<context>
    <name>BillDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="29" />
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="30" />
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="31" />
        <source>Usage ({0})</source>
        <translation>Consommation ({0})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="32" />
        <source>Cost ($)</source>
        <translation>Coût ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="33" />
        <source>Estimated</source>
        <translation>Estimation</translation>
    </message>
</context>
<context>
    <name>BillsPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="47" />
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="49" />
        <source>Meter entries of the selected meter, as ESPM counts them: a bill's end date may be the next bill's start date (one shared day); longer overlaps are refused.</source>
        <translation>Entrées du compteur choisi, comptées comme dans ESPM : la date de fin d'une facture peut être la date de début de la suivante (un jour commun); un chevauchement plus long est refusé.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="63" />
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="63" />
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="63" />
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="63" />
        <source>Usage</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="63" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="64" />
        <source>Cost ($)</source>
        <translation>Coût ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="64" />
        <source>Estimated</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="64" />
        <source>Source</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="79" />
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="96" />
        <source>the bill from {0} to {1}</source>
        <translation>la facture du {0} au {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="123" />
        <source>New bill</source>
        <translation>Nouvelle facture</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="139" />
        <source>Edit bill</source>
        <translation>Modifier la facture</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="54" />
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="55" />
        <source>Something went wrong: {0}

Your data is safe: every change is saved in one step or not at all. Details were written to:
{1}</source>
        <translation>Une erreur est survenue : {0}

Vos données sont en sécurité : chaque modification est enregistrée en une seule étape ou pas du tout. Les détails ont été écrits dans :
{1}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/forms.py" line="189" />
        <source>Fields marked * are required.</source>
        <translation>Les champs marqués d'un * sont obligatoires.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="39" />
        <source>ESPM Desktop</source>
        <translation>ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="54" />
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="55" />
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="56" />
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="59" />
        <source>Database: {0}</source>
        <translation>Base de données : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="95" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="98" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="99" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="104" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="116" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="117" />
        <source>&amp;About ESPM Desktop</source>
        <translation>À &amp;propos d'ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="128" />
        <source>About ESPM Desktop</source>
        <translation>À propos d'ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="129" />
        <source>ESPM Desktop {0}

ENERGY STAR Portfolio Manager companion for building managers and energy consultants in Québec and Canada.

Database: {1}</source>
        <translation>ESPM Desktop {0}

Compagnon d'ENERGY STAR Portfolio Manager pour les gestionnaires d'immeubles et les conseillers en énergie du Québec et du Canada.

Base de données : {1}</translation>
    </message>
</context>
<context>
    <name>MeterDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="32" />
        <source>Meter name</source>
        <translation>Nom du compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="33" />
        <source>Energy type</source>
        <translation>Type d'énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="34" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="35" />
        <source>Date the meter became active</source>
        <translation>Date à laquelle le compteur est devenu actif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="36" />
        <source>Date the meter became inactive</source>
        <translation>Date à laquelle le compteur est devenu inactif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="37" />
        <source>ESPM meter ID</source>
        <translation>N° de compteur ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="38" />
        <source>Énergir account number</source>
        <translation>Numéro de compte Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="39" />
        <source>Énergir invoice number</source>
        <translation>Numéro de facture Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="40" />
        <source>Énergir meter number</source>
        <translation>Numéro du compteur Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="41" />
        <source>Initial load (months)</source>
        <translation>Chargement initial (mois)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="42" />
        <source>Share downstream</source>
        <translation>Partager en aval</translation>
    </message>
</context>
<context>
    <name>MetersPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="72" />
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="73" />
        <source>Energy meters of the property. Each bill belongs to a meter.</source>
        <translation>Compteurs d'énergie de la propriété. Chaque facture appartient à un compteur.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="87" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="87" />
        <source>Energy type</source>
        <translation>Type d'énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="87" />
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="87" />
        <source>Active since</source>
        <translation>Actif depuis</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="88" />
        <source>ESPM meter ID</source>
        <translation>N° de compteur ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="88" />
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="88" />
        <source>Data exchange</source>
        <translation>Échange de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="111" />
        <source>the meter “{0}” with all its bills</source>
        <translation>le compteur « {0} » et toutes ses factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="141" />
        <source>New meter</source>
        <translation>Nouveau compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="151" />
        <source>Edit meter</source>
        <translation>Modifier le compteur</translation>
    </message>
</context>
<context>
    <name>PropertiesPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="95" />
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="96" />
        <source>Buildings you manage. Select one to see its meters, bills and score.</source>
        <translation>Les bâtiments que vous gérez. Choisissez-en un pour voir ses compteurs, ses factures et sa cote.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="100" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="100" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="100" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="100" />
        <source>Floor area (m²)</source>
        <translation>Superficie (m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="101" />
        <source>ESPM ID</source>
        <translation>N° ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="101" />
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="119" />
        <source>the property “{0}” with all its meters and bills</source>
        <translation>la propriété « {0} » avec tous ses compteurs et toutes ses factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="141" />
        <source>New property</source>
        <translation>Nouvelle propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="152" />
        <source>Edit property</source>
        <translation>Modifier la propriété</translation>
    </message>
</context>
<context>
    <name>PropertyDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="30" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="31" />
        <source>Street address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="32" />
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="33" />
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="34" />
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="35" />
        <source>ESPM property ID</source>
        <translation>N° de propriété ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="36" />
        <source>Property type</source>
        <translation>Type de propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="38" />
        <source>Gross floor area (m²)</source>
        <translation>Superficie brute (m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="39" />
        <source>Year built</source>
        <translation>Année de construction</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="40" />
        <source>Workers on the main shift</source>
        <translation>Travailleurs sur le quart principal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="41" />
        <source>Weekly operating hours</source>
        <translation>Heures d'exploitation par semaine</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="42" />
        <source>Number of computers</source>
        <translation>Nombre d'ordinateurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="43" />
        <source>% of floor area heated</source>
        <translation>% de la superficie chauffée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="44" />
        <source>% of floor area cooled</source>
        <translation>% de la superficie refroidie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="45" />
        <source>Months in operation (last 12)</source>
        <translation>Mois d'exploitation (12 derniers)</translation>
    </message>
</context>
<context>
    <name>PropertyMeterPicker</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/pickers.py" line="28" />
        <source>Property:</source>
        <translation>Propriété :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/pickers.py" line="32" />
        <source>Meter:</source>
        <translation>Compteur :</translation>
    </message>
</context>
<context>
    <name>RecordTablePage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="46" />
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="47" />
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="48" />
        <location filename="../../espm_desktop/ui/pages/base.py" line="157" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="158" />
        <source>Delete {0}? This cannot be undone.</source>
        <translation>Supprimer {0}? Cette action est irréversible.</translation>
    </message>
</context>
</TS>