<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name></name>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="111"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="45"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="46"/>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="47"/>
        <source>before an upgrade</source>
        <translation>avant une mise à niveau</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="48"/>
        <source>before a restore</source>
        <translation>avant une restauration</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="54"/>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="56"/>
        <source>{0} properties, {1} meters, {2} bills</source>
        <translation>{0} propriétés, {1} compteurs, {2} factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="114"/>
        <source>Automatic backup failed: {0}</source>
        <translation>La sauvegarde automatique a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="116"/>
        <source>Backup made: {0}</source>
        <translation>Sauvegarde faite : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="129"/>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="135"/>
        <source>Backup made</source>
        <translation>Sauvegarde faite</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="136"/>
        <source>A verified copy of the database was saved:
{0}

{1}, {2}.</source>
        <translation>Une copie vérifiée de la base de données a été enregistrée :
{0}

{1}, {2}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="155"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="165"/>
        <source>Choose a backup to bring back. What the database holds now is first kept as a backup, so a restore can itself be undone.
Backups of {0} are kept in {1}.</source>
        <translation>Choisissez la sauvegarde à rétablir. Le contenu actuel de la base de données est d&apos;abord conservé dans une sauvegarde : une restauration peut donc elle-même être annulée.
Les sauvegardes de {0} sont conservées dans {1}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="175"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="175"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="175"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="175"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="175"/>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="175"/>
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="198"/>
        <source>There is no backup of this database yet. Use File → Back up now….</source>
        <translation>Cette base de données n&apos;a encore aucune sauvegarde. Utilisez Fichier → Sauvegarder maintenant….</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="202"/>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="225"/>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde?</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="227"/>
        <source>Replace everything in {0} with the backup of {1} ({2})?

What the database holds now is kept as a backup first.</source>
        <translation>Remplacer tout le contenu de {0} par la sauvegarde du {1} ({2})?

Le contenu actuel de la base de données est d&apos;abord conservé dans une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="234"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="243"/>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="147"/>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="248"/>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="151"/>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/backup_dialogs.py" line="249"/>
        <source>The database now holds the backup of {0}.

What it held before is kept as:
{1}</source>
        <translation>La base de données contient maintenant la sauvegarde du {0}.

Son contenu précédent est conservé dans :
{1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="30"/>
        <source>This is a folder</source>
        <translation>Ceci est un dossier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="31"/>
        <source>Database not found</source>
        <translation>Base de données introuvable</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="32"/>
        <source>Access refused</source>
        <translation>Accès refusé</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="33"/>
        <source>Not a database</source>
        <translation>Ce n&apos;est pas une base de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="34"/>
        <source>Not an ESPM Desktop database</source>
        <translation>Ce n&apos;est pas une base de données ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="35"/>
        <source>Made by a newer version</source>
        <translation>Créée par une version plus récente</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="36"/>
        <source>Damaged database</source>
        <translation>Base de données endommagée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="37"/>
        <source>Database in use</source>
        <translation>Base de données occupée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="38"/>
        <source>Read-only database</source>
        <translation>Base de données en lecture seule</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="39"/>
        <source>Disk full</source>
        <translation>Disque plein</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="40"/>
        <source>Upgrade failed</source>
        <translation>Échec de la mise à niveau</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="42"/>
        <source>Cannot open the database</source>
        <translation>Impossible d&apos;ouvrir la base de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="53"/>
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="58"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="71"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="113"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="119"/>
        <source>Restore the backup of {0}</source>
        <translation>Restaurer la sauvegarde du {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="125"/>
        <source>Restore the copy made before the upgrade</source>
        <translation>Restaurer la copie faite avant la mise à niveau</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="127"/>
        <source>Open another database…</source>
        <translation>Ouvrir une autre base de données…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="153"/>
        <source>The database was restored from {0}.

The file as it was before is kept as a backup:
{1}</source>
        <translation>La base de données a été restaurée à partir de {0}.

Le fichier tel qu&apos;il était est conservé dans une sauvegarde :
{1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="161"/>
        <source>Database upgraded</source>
        <translation>Base de données mise à niveau</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="163"/>
        <source>{0} was upgraded to this version of ESPM Desktop. A copy of it as it was before is kept at:
{1}</source>
        <translation>{0} a été mis à niveau pour cette version d&apos;ESPM Desktop. Une copie du fichier tel qu&apos;il était est conservée à l&apos;emplacement :
{1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="180"/>
        <source>Database in a shared folder</source>
        <translation>Base de données dans un dossier partagé</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="183"/>
        <source>Copy it to a folder on this computer</source>
        <translation>La copier dans un dossier de cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="184"/>
        <source>Keep it here</source>
        <translation>La garder ici</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="204"/>
        <source>Copy failed</source>
        <translation>Échec de la copie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="208"/>
        <source>Database copied</source>
        <translation>Base de données copiée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/database_dialogs.py" line="210"/>
        <source>Your database is now {0}.

The file in the shared folder was left as it was: stop using it.</source>
        <translation>Votre base de données est maintenant {0}.

Le fichier du dossier partagé n&apos;a pas été modifié : cessez de l&apos;utiliser.</translation>
    </message>
</context>
<context>
    <name>BillsPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="73"/>
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="77"/>
        <source>Type in the table like a spreadsheet: each change is saved at once and can be undone. Dates as 2024-01-31 or 31/01/2024. A bill&apos;s end date may be the next bill&apos;s start date (one shared day, as ESPM allows); longer overlaps are refused.</source>
        <translation>Saisissez dans le tableau comme dans un chiffrier : chaque modification est enregistrée aussitôt et peut être annulée. Dates sous la forme 2024-01-31 ou 31/01/2024. La date de fin d&apos;une facture peut être la date de début de la suivante (un jour commun, comme ESPM le permet); les chevauchements plus longs sont refusés.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="87"/>
        <source>Add bill</source>
        <translation>Ajouter une facture</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="87"/>
        <source>Add a bill after the last one</source>
        <translation>Ajouter une facture après la dernière</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="90"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="90"/>
        <source>Delete the selected bills (Delete key)</source>
        <translation>Supprimer les factures sélectionnées (touche Suppr)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="94"/>
        <source>Paste from Excel</source>
        <translation>Coller depuis Excel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="95"/>
        <source>Add the rows copied in Excel: start, end, usage and, optionally, cost (Ctrl+V)</source>
        <translation>Ajouter les lignes copiées dans Excel : début, fin, consommation et, au besoin, coût (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="97"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="98"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="109"/>
        <source>Filter: part of a date, a usage, a cost…</source>
        <translation>Filtre : une partie d&apos;une date, d&apos;une consommation, d&apos;un coût…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="173"/>
        <source>Undo: {0} (Ctrl+Z)</source>
        <translation>Annuler : {0} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="178"/>
        <source>Redo: {0} (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Rétablir : {0} (Ctrl+Maj+Z ou Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="358"/>
        <source>The bills could not be saved ({0}). Nothing was changed: the table shows what the database holds.</source>
        <translation>Les factures n&apos;ont pas pu être enregistrées ({0}). Rien n&apos;a été modifié : le tableau montre le contenu de la base de données.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="372"/>
        <source>Edit “{0}” of the bill from {1}</source>
        <translation>Modifier « {0} » de la facture du {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="394"/>
        <source>New bill from {0} to {1}: type its usage to save it.</source>
        <translation>Nouvelle facture du {0} au {1} : saisissez sa consommation pour l&apos;enregistrer.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="409"/>
        <source>Add the bill from {0} to {1}</source>
        <translation>Ajouter la facture du {0} au {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="432"/>
        <source>Delete {0} bill(s)</source>
        <translation>Supprimer {0} facture(s)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="434"/>
        <source>Deleted {0} bill(s). Undo brings them back (Ctrl+Z).</source>
        <translation>{0} facture(s) supprimée(s). Annuler les rétablit (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="446"/>
        <source>The clipboard holds no rows. In Excel, select the rows (start date, end date, usage and, if you have it, cost) and copy them, then paste here.</source>
        <translation>Le presse-papiers ne contient aucune ligne. Dans Excel, sélectionnez les lignes (date de début, date de fin, consommation et, si vous l&apos;avez, coût), copiez-les, puis collez-les ici.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="455"/>
        <source>Paste {0} bill(s)</source>
        <translation>Coller {0} facture(s)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="458"/>
        <source>Pasted {0} bill(s).</source>
        <translation>{0} facture(s) collée(s).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/bills.py" line="464"/>
        <source>Pasted line {0}, column “{1}”, value “{2}”: {3} Not saved.</source>
        <translation>Ligne collée {0}, colonne « {1} », valeur « {2} » : {3} Non enregistrée.</translation>
    </message>
</context>
<context>
    <name>BillsTableModel</name>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="293"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="294"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="295"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="296"/>
        <source>Usage</source>
        <translation>Consommation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="297"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="298"/>
        <source>Cost ($)</source>
        <translation>Coût ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="299"/>
        <source>Estimated</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="300"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_model.py" line="457"/>
        <source>Row {0}, column “{1}”, value “{2}”: {3} Not saved.</source>
        <translation>Ligne {0}, colonne « {1} », valeur « {2} » : {3} Non enregistré.</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="89"/>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="93"/>
        <source>Bars are calendar months (bills spread over their days, as ESPM does); lines are the bills as received. Hover for exact values; drag to pan, scroll to zoom.</source>
        <translation>Les barres sont des mois civils (factures réparties sur leurs jours, comme le fait ESPM); les traits sont les factures telles que reçues. Survolez pour les valeurs exactes; glissez pour déplacer, utilisez la molette pour zoomer.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="105"/>
        <source>Monthly use</source>
        <translation>Consommation mensuelle</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="106"/>
        <source>Year over year</source>
        <translation>D&apos;une année à l&apos;autre</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="107"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="108"/>
        <source>Weather: use per HDD</source>
        <translation>Météo : consommation par DJC</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="109"/>
        <source>Weather: use/day vs HDD/day</source>
        <translation>Météo : conso/jour selon DJC/jour</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="110"/>
        <source>Energy mix (source)</source>
        <translation>Répartition par énergie (source)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="118"/>
        <source>Meter unit</source>
        <translation>Unité du compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="118"/>
        <source>GJ (site)</source>
        <translation>GJ (site)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="118"/>
        <source>GJ (source)</source>
        <translation>GJ (source)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="122"/>
        <source>Highlight:</source>
        <translation>Mettre en évidence :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="125"/>
        <source>Show cost</source>
        <translation>Afficher le coût</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="127"/>
        <source>Reset zoom</source>
        <translation>Réinitialiser le zoom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="128"/>
        <source>Export PNG…</source>
        <translation>Exporter PNG…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="129"/>
        <source>Export SVG…</source>
        <translation>Exporter SVG…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="131"/>
        <source>Chart:</source>
        <translation>Graphique :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="134"/>
        <source>Units:</source>
        <translation>Unités :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="197"/>
        <source>Whole property (all meters)</source>
        <translation>Propriété entière (tous les compteurs)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="256"/>
        <source>GJ source</source>
        <translation>GJ source</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="266"/>
        <source>No property yet: create one on the Properties page.</source>
        <translation>Aucune propriété pour l&apos;instant : créez-en une à la page Propriétés.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="269"/>
        <source>This property has no meters yet: add them on the Meters page.</source>
        <translation>Cette propriété n&apos;a pas encore de compteur : ajoutez-les à la page Compteurs.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="275"/>
        <source>The meters use different units: the property total is shown in GJ.</source>
        <translation>Les compteurs utilisent des unités différentes : le total de la propriété est affiché en GJ.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="284"/>
        <source>No bill has a cost: type the amounts on the Bills page (Cost column) to see this chart.</source>
        <translation>Aucune facture n&apos;a de coût : saisissez les montants à la page Factures (colonne Coût) pour voir ce graphique.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="317"/>
        <source>Latest 12 full months</source>
        <translation>12 derniers mois complets</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="322"/>
        <source>12 months ending {0}</source>
        <translation>12 mois se terminant en {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="331"/>
        <source>The weather charts need daily degree-days: download the daily data of the weather station nearest the building from Environment and Climate Change Canada (climate.weather.gc.ca, CSV, one file per year), import it on the Weather page, and link the station to this property there.</source>
        <translation>Les graphiques météo ont besoin de degrés-jours quotidiens : téléchargez les données quotidiennes de la station météo la plus proche du bâtiment sur le site d&apos;Environnement et Changement climatique Canada (climat.meteo.gc.ca, CSV, un fichier par année), importez-les à la page Météo, puis associez-y la station à cette propriété.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="339"/>
        <source>This property only has degree days typed for 12 months (HDD {0}, CDD {1}, 12 months ending {2}), not month by month.</source>
        <translation>Cette propriété n&apos;a que des degrés-jours saisis pour 12 mois (DJC {0}, DJR {1}, 12 mois se terminant le {2}), pas mois par mois.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="343"/>
        <source>No degree days for this property.</source>
        <translation>Aucun degré-jour pour cette propriété.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="365"/>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="368"/>
        <source>Export PNG</source>
        <translation>Exporter en PNG</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="365"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="372"/>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="375"/>
        <source>Export SVG</source>
        <translation>Exporter en SVG</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/charts.py" line="372"/>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
</context>
<context>
    <name>DegreeDaysDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="97"/>
        <source>Last month of the 12 (any day of it)</source>
        <translation>Dernier des 12 mois (n&apos;importe quel jour)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="99"/>
        <source>Heating degree days (HDD, 18 °C)</source>
        <translation>Degrés-jours de chauffage (DJC, 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="100"/>
        <source>Cooling degree days (CDD, 18 °C)</source>
        <translation>Degrés-jours de refroidissement (DJR, 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="101"/>
        <source>Note (where the values come from)</source>
        <translation>Remarque (provenance des valeurs)</translation>
    </message>
</context>
<context>
    <name>EnergyFactorsDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="88"/>
        <source>Energy factors</source>
        <translation>Facteurs énergétiques</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="91"/>
        <source>Factors that turn each billing unit into site gigajoules, and site energy into source energy for Canada. Values marked “Not confirmed” are taken from the US table or a reasonable default until a Canadian source confirms them; the file resources/energy_units.csv holds them.</source>
        <translation>Facteurs qui convertissent chaque unité de facturation en gigajoules du site, et l&apos;énergie du site en énergie à la source pour le Canada. Les valeurs « Non confirmé » viennent du tableau américain ou d&apos;une valeur par défaut raisonnable tant qu&apos;une source canadienne ne les confirme pas; le fichier resources/energy_units.csv les contient.</translation>
    </message>
</context>
<context>
    <name>EnergyFactorsTable</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="46"/>
        <source>Energy type</source>
        <translation>Type d&apos;énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="47"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="48"/>
        <source>Site GJ per unit</source>
        <translation>GJ du site par unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="49"/>
        <source>Source factor</source>
        <translation>Facteur source</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="50"/>
        <source>Source of the factors</source>
        <translation>Source des facteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="51"/>
        <source>Confirmed</source>
        <translation>Confirmé</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="57"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/energy_table.py" line="57"/>
        <source>Not confirmed</source>
        <translation>Non confirmé</translation>
    </message>
</context>
<context>
    <name>EnergyMixChart</name>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="263"/>
        <source>No bills yet: add bills on the Bills page to see this chart.</source>
        <translation>Aucune facture pour l&apos;instant : ajoutez des factures à la page Factures pour voir ce graphique.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="274"/>
        <source>Source energy (GJ)</source>
        <translation>Énergie à la source (GJ)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="280"/>
        <source>{0}, source energy</source>
        <translation>{0}, énergie à la source</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="289"/>
        <source>Total: {0} GJ</source>
        <translation>Total : {0} GJ</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="56"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="62"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/app.py" line="63"/>
        <source>Something went wrong: {0}

Your data is safe: every change is saved in one step or not at all. Details were written to:
{1}</source>
        <translation>Une erreur est survenue : {0}

Vos données sont en sécurité : chaque modification est enregistrée en une seule étape ou pas du tout. Les détails ont été écrits dans :
{1}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../espm_desktop/ui/bills_findings.py" line="60"/>
        <source>Data checks</source>
        <translation>Vérification des données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_findings.py" line="62"/>
        <source>Tick a finding to acknowledge it once you have looked at it.</source>
        <translation>Cochez un constat pour en prendre acte une fois que vous l&apos;avez examiné.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_findings.py" line="101"/>
        <source>No problem found in this meter&apos;s bills.</source>
        <translation>Aucun problème dans les factures de ce compteur.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_findings.py" line="115"/>
        <source>Tick to acknowledge this finding; it is then hidden unless “Show acknowledged findings” is ticked.</source>
        <translation>Cochez pour prendre acte de ce constat; il est alors masqué, sauf si « Afficher les constats pris en compte » est coché.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/bills_findings.py" line="154"/>
        <source>Show acknowledged findings ({0})</source>
        <translation>Afficher les constats pris en compte ({0})</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/forms.py" line="304"/>
        <source>Fields marked * are required.</source>
        <translation>Les champs marqués d&apos;un * sont obligatoires.</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <location filename="../../espm_desktop/ui/help.py" line="66"/>
        <source>User guide</source>
        <translation>Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/help.py" line="66"/>
        <source>Glossary</source>
        <translation>Glossaire</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="172"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="325"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="367"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="403"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="650"/>
        <source>Import bills</source>
        <translation>Importer des factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="188"/>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="189"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="194"/>
        <source>Found in the file</source>
        <translation>Déduit du fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="195"/>
        <source>Day/month/year (31/01/2024)</source>
        <translation>Jour/mois/année (31/01/2024)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="196"/>
        <source>Month/day/year (01/31/2024)</source>
        <translation>Mois/jour/année (01/31/2024)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="210"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="283"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="211"/>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="212"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="284"/>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="213"/>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="214"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="215"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="225"/>
        <source>Save errors as CSV…</source>
        <translation>Enregistrer les erreurs en CSV…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="228"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="231"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="248"/>
        <source>Dates such as 03/04/2024 read as:</source>
        <translation>Les dates comme 03/04/2024 se lisent :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="250"/>
        <source>Rows that will not be imported:</source>
        <translation>Lignes qui ne seront pas importées :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="255"/>
        <source>Files (ESPM Meter Entries export, ESPM Add Bills template, CSV or Excel):</source>
        <translation>Fichiers (export ESPM « Meter Entries », modèle ESPM « Add Bills », CSV ou Excel) :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="269"/>
        <source>Bills stored with other values</source>
        <translation>Factures déjà enregistrées avec d&apos;autres valeurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="273"/>
        <source>These rows are for a meter and period already stored (or already in an earlier row) with a different usage or cost. Choose for each row: keep the stored bill, or replace it with the file&apos;s values.</source>
        <translation>Ces lignes visent un compteur et une période déjà enregistrés (ou déjà présents dans une ligne précédente) avec une consommation ou un coût différent. Choisissez pour chaque ligne : conserver la facture enregistrée, ou la remplacer par les valeurs du fichier.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="285"/>
        <source>Meter</source>
        <translation>Compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="286"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="287"/>
        <source>Stored usage</source>
        <translation>Consommation enregistrée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="288"/>
        <source>Stored cost</source>
        <translation>Coût enregistré</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="289"/>
        <source>File usage</source>
        <translation>Consommation du fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="290"/>
        <source>File cost</source>
        <translation>Coût du fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="291"/>
        <source>Choice</source>
        <translation>Choix</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="299"/>
        <source>Keep all stored</source>
        <translation>Conserver toutes les valeurs enregistrées</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="302"/>
        <source>Replace all with the file&apos;s</source>
        <translation>Tout remplacer par les valeurs du fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="327"/>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="651"/>
        <source>Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Tableurs et CSV (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="353"/>
        <source>Add the files to import.</source>
        <translation>Ajoutez les fichiers à importer.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="360"/>
        <source>Reading the files…</source>
        <translation>Lecture des fichiers…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="365"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="403"/>
        <source>The import stopped: {0}</source>
        <translation>L&apos;importation s&apos;est arrêtée : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="413"/>
        <source>{0}: {1} Choose the order above, then Preview.</source>
        <translation>{0} : {1} Choisissez l&apos;ordre ci-dessus, puis Aperçu.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="427"/>
        <source>{0}: choose its columns below, then Preview.</source>
        <translation>{0} : choisissez ses colonnes ci-dessous, puis Aperçu.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="437"/>
        <source>Press Preview to read the files.</source>
        <translation>Cliquez sur Aperçu pour lire les fichiers.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="442"/>
        <source>{0} new bills, {1} duplicates (already stored), {2} invalid rows, {3} rows skipped (not energy), {4} new properties, {5} new meters.</source>
        <translation>{0} nouvelles factures, {1} doublons (déjà enregistrés), {2} lignes invalides, {3} lignes ignorées (pas d&apos;énergie), {4} nouvelles propriétés, {5} nouveaux compteurs.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="453"/>
        <source>{0} rows differ from the stored bills: choose below.</source>
        <translation>{0} lignes diffèrent des factures enregistrées : faites votre choix ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="470"/>
        <source>{0} (row {1})</source>
        <translation>{0} (ligne {1})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="485"/>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="486"/>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="529"/>
        <source>Save errors as CSV</source>
        <translation>Enregistrer les erreurs en CSV</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="529"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="541"/>
        <source>The file {0} could not be written: {1}</source>
        <translation>Le fichier {0} n&apos;a pas pu être enregistré : {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="581"/>
        <source>Importing the bills…</source>
        <translation>Importation des factures…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="589"/>
        <source>{0} bills imported, {1} stored bills replaced ({2} duplicates left out, {3} conflicts kept as stored, {4} invalid rows not imported).</source>
        <translation>{0} factures importées, {1} factures enregistrées remplacées ({2} doublons écartés, {3} factures en conflit conservées telles qu&apos;enregistrées, {4} lignes invalides non importées).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="607"/>
        <source>Nothing was stored: the database changed since the preview and more rows now differ from the stored bills. Check the list below, choose, and import again.</source>
        <translation>Rien n&apos;a été enregistré : la base de données a changé depuis l&apos;aperçu et d&apos;autres lignes diffèrent maintenant des factures enregistrées. Vérifiez la liste ci-dessous, faites vos choix, puis importez de nouveau.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="620"/>
        <source>Import cancelled: nothing was stored.</source>
        <translation>Importation annulée : rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>InvoicesTab</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="58"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="58"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="305"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="58"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="164"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="58"/>
        <source>Aid</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="58"/>
        <source>GST</source>
        <translation>TPS</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="58"/>
        <source>QST</source>
        <translation>TVQ</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="59"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="59"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="59"/>
        <source>Corrects</source>
        <translation>Corrige</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="59"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="248"/>
        <source>Sent on</source>
        <translation>Envoyée le</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="59"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="252"/>
        <source>Paid on</source>
        <translation>Payée le</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="60"/>
        <source>Program year</source>
        <translation>Année du programme</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="68"/>
        <source>New invoice…</source>
        <translation>Nouvelle facture…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="69"/>
        <source>Edit draft…</source>
        <translation>Modifier le brouillon…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="70"/>
        <source>Mark sent</source>
        <translation>Marquer envoyée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="71"/>
        <source>Mark paid</source>
        <translation>Marquer payée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="72"/>
        <source>Credit note…</source>
        <translation>Note de crédit…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="73"/>
        <source>Print invoice (PDF)…</source>
        <translation>Imprimer la facture (PDF)…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="81"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="171"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="342"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="82"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="171"/>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="342"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="83"/>
        <source>PDF language:</source>
        <translation>Langue du PDF :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="89"/>
        <source>Numbers run in sequence for the beneficiary and are never reused. A draft prints with a DRAFT mark and may be saved over the aid that remains; it is checked against the aid statement when you mark it sent. A sent or paid invoice is kept exactly as sent (names, addresses, tax numbers, rates and amounts) and prints in the language it was sent in; to correct it, issue a credit note, then a new invoice (guide, Annexe D).</source>
        <translation>Les numéros se suivent pour le bénéficiaire et ne sont jamais réutilisés. Un brouillon s&apos;imprime avec la mention BROUILLON (DRAFT en anglais) et peut être enregistré même s&apos;il dépasse l&apos;aide restante; il est vérifié par rapport au calcul de l&apos;aide lorsque vous le marquez comme envoyé. Une facture envoyée ou payée est conservée exactement telle qu&apos;elle a été envoyée (noms, adresses, numéros de taxes, taux et montants) et s&apos;imprime dans la langue de son envoi; pour la corriger, émettez une note de crédit, puis une nouvelle facture (guide, Annexe D).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="200"/>
        <source>Draft invoice {0} created.</source>
        <translation>Facture {0} créée à l&apos;état de brouillon.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="208"/>
        <source>It can be marked sent.</source>
        <translation>Elle peut être marquée comme envoyée.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="210"/>
        <source>It can&apos;t be sent as it is: {0}</source>
        <translation>Elle ne peut pas être envoyée telle quelle : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="317"/>
        <source>Draft credit note {0} created for invoice {1} of {2}: mark it sent once you send it to Énergir.</source>
        <translation>Note de crédit {0} créée à l&apos;état de brouillon pour la facture {1} du {2} : marquez-la comme envoyée une fois que vous l&apos;aurez transmise à Énergir.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="341"/>
        <source>It was sent in {0}: a sent invoice prints as it was sent.</source>
        <translation>Langue d&apos;envoi : {0}; une facture envoyée s&apos;imprime telle qu&apos;elle a été envoyée.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="344"/>
        <source>It is a draft: the PDF carries a DRAFT mark.</source>
        <translation>C&apos;est un brouillon : le PDF porte une mention de brouillon.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="96"/>
        <source>Invoices to Énergir</source>
        <translation>Factures à Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="116"/>
        <source>Credit note (draft)</source>
        <translation>Note de crédit (brouillon)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="116"/>
        <source>Credit note sent</source>
        <translation>Note de crédit envoyée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="117"/>
        <source>Credit note settled</source>
        <translation>Note de crédit réglée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="118"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="118"/>
        <source>Sent</source>
        <translation>Envoyée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="119"/>
        <source>Paid</source>
        <translation>Payée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="137"/>
        <source>Next invoice number: {0}</source>
        <translation>Prochain numéro de facture : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="165"/>
        <source>Aid amount in Énergir&apos;s acceptance notice ($)</source>
        <translation>Montant de l&apos;aide de l&apos;avis d&apos;acceptation d&apos;Énergir ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="167"/>
        <source>Program year claimed up to (1–5; empty: the whole phase)</source>
        <translation>Demande jusqu&apos;à l&apos;année du programme (1 à 5; vide : toute la phase)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="169"/>
        <source>Invoice date</source>
        <translation>Date de facturation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="170"/>
        <source>Language of the invoice</source>
        <translation>Langue de la facture</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="182"/>
        <source>New invoice</source>
        <translation>Nouvelle facture</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="220"/>
        <source>Invoice {0} was sent: it can no longer be edited. Issue a credit note (“Credit note…”), then a new invoice.</source>
        <translation>La facture {0} a été envoyée : elle ne peut plus être modifiée. Émettez une note de crédit (« Note de crédit… »), puis une nouvelle facture.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="224"/>
        <source>Edit invoice {0}</source>
        <translation>Modifier la facture {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="238"/>
        <source>Draft {0} saved.</source>
        <translation>Facture {0} (brouillon) enregistrée.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="247"/>
        <source>Mark {0} sent</source>
        <translation>Marquer {0} comme envoyée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="251"/>
        <source>Mark {0} paid</source>
        <translation>Marquer {0} comme payée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="258"/>
        <source>{0} marked sent on {1}: it is now kept exactly as sent.</source>
        <translation>{0} marquée comme envoyée le {1} : elle est désormais conservée exactement telle qu&apos;elle a été envoyée.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="261"/>
        <source>{0} marked paid on {1}.</source>
        <translation>{0} marquée comme payée le {1}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="302"/>
        <source>Credit note for invoice {0}</source>
        <translation>Note de crédit pour la facture {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="304"/>
        <source>Amount credited ($, all of it when empty)</source>
        <translation>Montant crédité ($, en entier si vide)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="327"/>
        <source>Print invoice (PDF)</source>
        <translation>Imprimer la facture (PDF)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="337"/>
        <source>The PDF could not be written to {0}: {1}</source>
        <translation>Le PDF n&apos;a pas pu être enregistré dans {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_invoices.py" line="339"/>
        <source>Invoice written to {0}.</source>
        <translation>Facture enregistrée dans {0}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="48"/>
        <source>ESPM Desktop</source>
        <translation>ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="48"/>
        <source>{0} — ESPM Desktop</source>
        <translation>{0} — ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="82"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="83"/>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="84"/>
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="85"/>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="88"/>
        <source>Énergir exchange</source>
        <translation>Échange Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="91"/>
        <source>ENERGY STAR score</source>
        <translation>Cote ENERGY STAR</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="92"/>
        <source>Weather</source>
        <translation>Météo</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="93"/>
        <source>SGÉ program</source>
        <translation>Programme SGÉ</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="96"/>
        <source>Database: {0}</source>
        <translation>Base de données : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="219"/>
        <source>Saving… (waiting if another program is writing to the database)</source>
        <translation>Enregistrement… (en attente si un autre programme écrit dans la base de données)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="225"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="228"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="229"/>
        <source>&amp;New database…</source>
        <translation>&amp;Nouvelle base de données…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="231"/>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="233"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="242"/>
        <source>Open the &amp;demo</source>
        <translation>Ouvrir la &amp;démo</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="245"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="246"/>
        <source>Re&amp;store from backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="249"/>
        <source>&amp;Import bills…</source>
        <translation>&amp;Importer des factures…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="252"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="257"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="269"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="271"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guide de l&apos;utilisateur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="274"/>
        <source>&amp;Glossary</source>
        <translation>G&amp;lossaire</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="279"/>
        <source>ENERGY STAR Portfolio Manager (web)</source>
        <translation>ENERGY STAR Portfolio Manager (site Web)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="280"/>
        <source>ENERGY STAR: benchmark your building (web)</source>
        <translation>ENERGY STAR : analyse comparative de votre bâtiment (site Web)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="281"/>
        <source>Énergir: energy efficiency programs (web)</source>
        <translation>Énergir : programmes d&apos;efficacité énergétique (site Web)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="287"/>
        <source>&amp;About ESPM Desktop</source>
        <translation>À &amp;propos d&apos;ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="301"/>
        <source>New database</source>
        <translation>Nouvelle base de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="302"/>
        <source>{0} already exists: it will be opened as it is.</source>
        <translation>{0} existe déjà : il sera ouvert tel quel.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="372"/>
        <source>About ESPM Desktop</source>
        <translation>À propos d&apos;ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="374"/>
        <source>ESPM Desktop {0}

ENERGY STAR Portfolio Manager companion for building managers and energy consultants in Québec and Canada.

Database: {1}
Backups: {2}</source>
        <translation>ESPM Desktop {0}

Compagnon d&apos;ENERGY STAR Portfolio Manager pour les gestionnaires d&apos;immeubles et les conseillers en énergie du Québec et du Canada.

Base de données : {1}
Sauvegardes : {2}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/main_window.py" line="378"/>
        <source>Data folder: {0}
Log file: {1}</source>
        <translation>Dossier des données : {0}
Fichier journal : {1}</translation>
    </message>
</context>
<context>
    <name>MappingPanel</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="124"/>
        <source>or one value for every row</source>
        <translation>ou une valeur pour toutes les lignes</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="136"/>
        <source>Columns of {0}</source>
        <translation>Colonnes de {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="139"/>
        <source>This file is not an ESPM spreadsheet. Choose which column holds each field (sheet &apos;{0}&apos;). Start date, end date (or delivery date), usage, unit and the property are needed.</source>
        <translation>Ce fichier n&apos;est pas un tableur ESPM. Choisissez la colonne de chaque champ (feuille « {0} »). Il faut la date de début, la date de fin (ou de livraison), la consommation, l&apos;unité et la propriété.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/import_dialog.py" line="147"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>MeasuresTab</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="66"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="154"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="156"/>
        <source>Measure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="66"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="71"/>
        <source>Significant energy use</source>
        <translation>Usage énergétique significatif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="66"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="158"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="66"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="116"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="159"/>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="67"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="116"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="159"/>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="67"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="162"/>
        <source>Expected savings (m³/yr)</source>
        <translation>Économie prévue (m³/an)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="67"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="163"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="71"/>
        <source>Indicator (IPÉ)</source>
        <translation>Indicateur (IPÉ)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="71"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="71"/>
        <source>Baseline</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="72"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="199"/>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="72"/>
        <source>By</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="72"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="201"/>
        <source>Results by year</source>
        <translation>Résultats par année</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="72"/>
        <source>Objective met?</source>
        <translation>Objectif atteint?</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="77"/>
        <source>Register of measures</source>
        <translation>Registre des mesures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="78"/>
        <source>Energy performance indicators (IPÉ) and objectives</source>
        <translation>Indicateurs de performance énergétique (IPÉ) et objectifs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="84"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="85"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="86"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="126"/>
        <source>Yes ({0})</source>
        <translation>Oui ({0})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="126"/>
        <source>Not yet ({0})</source>
        <translation>Pas encore ({0})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="157"/>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="196"/>
        <source>Significant energy use (UES)</source>
        <translation>Usage énergétique significatif (UES)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="160"/>
        <source>Planned for</source>
        <translation>Prévue pour le</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="161"/>
        <source>Put in place on</source>
        <translation>Mise en place le</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="193"/>
        <source>Energy performance indicator (IPÉ)</source>
        <translation>Indicateur de performance énergétique (IPÉ)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="195"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="197"/>
        <source>Unit (e.g. m³/t)</source>
        <translation>Unité (p. ex. m³/t)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="198"/>
        <source>Baseline value</source>
        <translation>Valeur de référence</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_measures.py" line="200"/>
        <source>Objective year</source>
        <translation>Année de l&apos;objectif</translation>
    </message>
</context>
<context>
    <name>MeterDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="82"/>
        <source>Meter name</source>
        <translation>Nom du compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="83"/>
        <source>Energy type</source>
        <translation>Type d&apos;énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="84"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="85"/>
        <source>Date the meter became active</source>
        <translation>Date à laquelle le compteur est devenu actif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="86"/>
        <source>Date the meter became inactive</source>
        <translation>Date à laquelle le compteur est devenu inactif</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="87"/>
        <source>ESPM meter ID</source>
        <translation>N° de compteur ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="88"/>
        <source>Énergir account number</source>
        <translation>Numéro de compte Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="89"/>
        <source>Énergir invoice number</source>
        <translation>Numéro de facture Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="90"/>
        <source>Énergir meter number</source>
        <translation>Numéro du compteur Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="91"/>
        <source>Initial load (months)</source>
        <translation>Chargement initial (mois)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="92"/>
        <source>Share Forward</source>
        <translation>Partager en aval</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="156"/>
        <source>Convert {0} bills from {1} to {2}?

Example: {3} → {4}: {5} {1} becomes {6} {2}.

Costs are not changed. Undo puts back the unit and every usage exactly.</source>
        <translation>Convertir {0} factures de {1} en {2}?

Exemple : {3} → {4} : {5} {1}, soit {6} {2}.

Les coûts ne sont pas modifiés. Annuler rétablit exactement l&apos;unité et chaque consommation.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="169"/>
        <source>Convert the bills</source>
        <translation>Convertir les factures</translation>
    </message>
</context>
<context>
    <name>MetersPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="184"/>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="185"/>
        <source>Energy meters of the property. Each bill belongs to a meter.</source>
        <translation>Compteurs d&apos;énergie de la propriété. Chaque facture appartient à un compteur.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="193"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="195"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="206"/>
        <source>Undo: {0} (Ctrl+Z)</source>
        <translation>Annuler : {0} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="211"/>
        <source>Redo: {0} (Ctrl+Y)</source>
        <translation>Rétablir : {0} (Ctrl+Y)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="237"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="238"/>
        <source>Energy type</source>
        <translation>Type d&apos;énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="239"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="240"/>
        <source>Active since</source>
        <translation>Actif depuis</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="241"/>
        <source>ESPM meter ID</source>
        <translation>N° de compteur ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="242"/>
        <source>Bills</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="243"/>
        <source>Data exchange</source>
        <translation>Échange de données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="297"/>
        <source>the meter “{0}” with all its bills</source>
        <translation>le compteur « {0} » et toutes ses factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="317"/>
        <source>New meter</source>
        <translation>Nouveau compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="330"/>
        <source>Edit meter</source>
        <translation>Modifier le compteur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="359"/>
        <source>Change the unit of “{0}” from {1} to {2}</source>
        <translation>Changer l&apos;unité de « {0} » de {1} à {2}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="375"/>
        <source>Converted {0} bills from {1} to {2}. Undo puts them back (Ctrl+Z).</source>
        <translation>{0} factures converties de {1} en {2}. Annuler les rétablit (Ctrl+Z).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/meters.py" line="392"/>
        <source>The unit change can&apos;t be undone: the meter or its bills changed since ({0}). Nothing was changed.</source>
        <translation>Le changement d&apos;unité ne peut pas être annulé : le compteur ou ses factures ont changé depuis ({0}). Rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>MonthlyChart</name>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="86"/>
        <source>No bills yet: add bills on the Bills page to see this chart.</source>
        <translation>Aucune facture pour l&apos;instant : ajoutez des factures à la page Factures pour voir ce graphique.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="100"/>
        <source>Cost by calendar month</source>
        <translation>Coût par mois civil</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="100"/>
        <source>Use by calendar month</source>
        <translation>Consommation par mois civil</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="107"/>
        <source>Month with an estimated bill</source>
        <translation>Mois avec une facture estimée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="110"/>
        <source>Month not fully covered by bills</source>
        <translation>Mois incomplètement couvert par les factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="113"/>
        <source>Bills (use per average month)</source>
        <translation>Factures (consommation par mois moyen)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="117"/>
        <source>Estimated bills</source>
        <translation>Factures estimées</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="127"/>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="142"/>
        <source>Cost ($)</source>
        <translation>Coût ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="129"/>
        <source>Use ({0})</source>
        <translation>Consommation ({0})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="141"/>
        <source>Cost ($, right axis)</source>
        <translation>Coût ($, axe de droite)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="153"/>
        <source>{0}: {1} {2}</source>
        <translation>{0} : {1} {2}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="156"/>
        <source>Cost: {0}</source>
        <translation>Coût : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="158"/>
        <source>Includes an estimated bill</source>
        <translation>Comprend une facture estimée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="161"/>
        <source>Bills cover {0} of {1} days</source>
        <translation>Les factures couvrent {0} jours sur {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="167"/>
        <source> (estimated)</source>
        <translation> (estimée)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="169"/>
        <source>Bill {0} – {1}: {2} {3} over {4} days{5}</source>
        <translation>Facture du {0} au {1} : {2} {3} sur {4} jours{5}</translation>
    </message>
</context>
<context>
    <name>NumbersForm</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="68"/>
        <source>Type the numbers as they appear on your latest Énergir bill. They are checked with the guide&apos;s rules as you type and saved on this meter; the next stages show them with a Copy button.</source>
        <translation>Saisissez les numéros tels qu&apos;ils figurent sur votre dernière facture Énergir. Ils sont vérifiés selon les règles du guide pendant la saisie et enregistrés sur ce compteur; les étapes suivantes les affichent avec un bouton Copier.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="76"/>
        <source>10 or 11 characters, no spaces</source>
        <translation>10 ou 11 caractères, sans espace</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="77"/>
        <source>12 characters, no spaces</source>
        <translation>12 caractères, sans espace</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="78"/>
        <source>7 to 18 characters, no spaces (section A of the bill)</source>
        <translation>7 à 18 caractères, sans espace (section A de la facture)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="79"/>
        <source>0 to 24 months of history (0 for none)</source>
        <translation>0 à 24 mois d&apos;historique (0 pour aucun)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="112"/>
        <source>Yes: let Énergir share this property with others</source>
        <translation>Oui&#xa0;: permettre à Énergir de partager cette propriété avec d&apos;autres</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="115"/>
        <source>Save the numbers</source>
        <translation>Enregistrer les numéros</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="205"/>
        <source>Not saved: correct the fields in red.</source>
        <translation>Non enregistré&#xa0;: corrigez les champs en rouge.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="213"/>
        <source>Saved. Still missing: {0}.</source>
        <translation>Enregistré. Il manque encore&#xa0;: {0}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_numbers.py" line="215"/>
        <source>Saved on the meter.</source>
        <translation>Enregistré sur le compteur.</translation>
    </message>
</context>
<context>
    <name>ParticipantRemoval</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="366"/>
        <source>Show archived</source>
        <translation>Afficher les archivés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="387"/>
        <source>Archive participant</source>
        <translation>Archiver le participant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="389"/>
        <source>{0} has invoices that were sent to Énergir: they must be kept as sent, so the participant will be archived, not deleted. It disappears from the list (tick “Show archived” to see it) and can be restored. Archive it?</source>
        <translation>{0} a des factures qui ont été envoyées à Énergir : elles doivent être conservées telles qu&apos;elles ont été envoyées, donc le participant sera archivé, et non supprimé. Il disparaît de la liste (cochez « Afficher les archivés » pour le voir) et peut être restauré. Voulez-vous l&apos;archiver?</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="396"/>
        <source>Delete participant</source>
        <translation>Supprimer le participant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="398"/>
        <source>Delete {0} with its phases, expenses, measures and draft invoices? This cannot be undone.</source>
        <translation>Supprimer {0} avec ses phases, ses dépenses, ses mesures et ses brouillons de factures? Cette action est irréversible.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="407"/>
        <source>{0} archived: its sent invoices are kept as sent.</source>
        <translation>Participant {0} archivé : ses factures envoyées sont conservées telles qu&apos;elles ont été envoyées.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="408"/>
        <source>{0} deleted.</source>
        <translation>Participant {0} supprimé.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="414"/>
        <source>{0} restored.</source>
        <translation>Participant {0} restauré.</translation>
    </message>
</context>
<context>
    <name>ParticipantTab</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="94"/>
        <source>Company (beneficiary of the aid)</source>
        <translation>Entreprise (bénéficiaire de l&apos;aide)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="95"/>
        <source>Company address (on the invoice)</source>
        <translation>Adresse de l&apos;entreprise (sur la facture)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="96"/>
        <source>Site address (where the work is done)</source>
        <translation>Adresse du site (où sont réalisés les travaux)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="97"/>
        <source>Énergir file number (acceptance letter)</source>
        <translation>N° de dossier Énergir (lettre d&apos;acceptation)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="98"/>
        <source>GST registration number</source>
        <translation>N° d&apos;inscription à la TPS</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="99"/>
        <source>QST registration number</source>
        <translation>N° d&apos;inscription à la TVQ</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="100"/>
        <source>Industrial building</source>
        <translation>Bâtiment à vocation industrielle</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="101"/>
        <source>Annual natural gas use (m³)</source>
        <translation>Consommation annuelle de gaz naturel (m³)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="104"/>
        <source>From the gas meter (last 12 months)</source>
        <translation>Depuis le compteur de gaz (12 derniers mois)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="107"/>
        <source>Fill the annual use with the latest 12 full calendar months of the gas meter chosen on the Savings tab.</source>
        <translation>Remplit la consommation annuelle avec les 12 derniers mois civils complets du compteur de gaz choisi dans l&apos;onglet Économies.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="114"/>
        <source>Save participant</source>
        <translation>Enregistrer le participant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="116"/>
        <source>Company and site</source>
        <translation>Entreprise et site</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="126"/>
        <source>Exclusions (guide, “Eligibility criteria”)</source>
        <translation>Exclusions (guide, « Critères d&apos;admissibilité »)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="132"/>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="133"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="134"/>
        <source>Yes — excluded</source>
        <translation>Oui — exclu</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="144"/>
        <source>Contacts and energy committee</source>
        <translation>Contacts et comité Énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="147"/>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="317"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="147"/>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="148"/>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="319"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="148"/>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="320"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="147"/>
        <source>Committee role</source>
        <translation>Rôle au comité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="147"/>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="323"/>
        <source>Energy manager</source>
        <translation>Gestionnaire Énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="151"/>
        <source>Add contact…</source>
        <translation>Ajouter un contact…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="152"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="153"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="203"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="214"/>
        <source>No energy manager named yet: Annexe B asks for the committee members, their roles and the energy manager&apos;s name.</source>
        <translation>Aucun gestionnaire Énergie désigné : l&apos;Annexe B demande les membres du comité, leurs rôles et le nom du gestionnaire Énergie.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="219"/>
        <source>Energy committee: {0} members; energy manager: {1}.</source>
        <translation>Comité Énergie : {0} membres; gestionnaire Énergie : {1}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="227"/>
        <source>Enter the annual gas use to check eligibility (≥ 2,000,000 m³/yr).</source>
        <translation>Saisissez la consommation annuelle de gaz pour vérifier l&apos;admissibilité (≥ 2 000 000 m³/an).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="244"/>
        <source>No exclusion applies.</source>
        <translation>Aucune exclusion ne s&apos;applique.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="271"/>
        <source>Participant saved.</source>
        <translation>Participant enregistré.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="282"/>
        <source>Choose the site&apos;s gas meter on the Savings tab first (Save and compute), then try again.</source>
        <translation>Choisissez d&apos;abord le compteur de gaz du site dans l&apos;onglet Économies (Enregistrer et calculer), puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="286"/>
        <source>Meter “{0}” is in {1}: the annual use is entered in m³. Choose a natural-gas meter in m³ on the Savings tab.</source>
        <translation>Le compteur « {0} » est en {1} : la consommation annuelle se saisit en m³. Choisissez un compteur de gaz naturel en m³ dans l&apos;onglet Économies.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="292"/>
        <source>Meter “{0}” does not have 12 full calendar months in a row ({1} full months in all): import the missing bills or type the annual use.</source>
        <translation>Le compteur « {0} » n&apos;a pas 12 mois civils complets consécutifs ({1} mois complets en tout) : importez les factures manquantes ou saisissez la consommation annuelle.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="302"/>
        <source>{0} m³ from meter “{1}”, {2} to {3} (its latest 12 full calendar months). Save the participant to keep it.</source>
        <translation>{0} m³ du compteur « {1} », de {2} à {3} (ses 12 derniers mois civils complets). Enregistrez le participant pour la conserver.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="315"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="318"/>
        <source>Role in the company</source>
        <translation>Fonction dans l&apos;entreprise</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="321"/>
        <source>Member of the energy committee</source>
        <translation>Membre du comité Énergie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_participant.py" line="322"/>
        <source>Role on the committee</source>
        <translation>Rôle au comité</translation>
    </message>
</context>
<context>
    <name>PhasesTab</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="103"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="116"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="131"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="414"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="475"/>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="103"/>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="103"/>
        <source>Acceptance</source>
        <translation>Acceptation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="103"/>
        <source>Completed</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="104"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="383"/>
        <source>Deliverables accepted</source>
        <translation>Livrables acceptés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="104"/>
        <source>Aid in the acceptance notice</source>
        <translation>Aide de l&apos;avis d&apos;acceptation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="104"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="386"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="112"/>
        <source>Edit phase dates…</source>
        <translation>Modifier les dates de la phase…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="116"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="416"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="116"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="419"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="116"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="116"/>
        <source>Rate</source>
        <translation>Taux</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="117"/>
        <source>Cost</source>
        <translation>Coût</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="117"/>
        <source>Program year</source>
        <translation>Année du programme</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="127"/>
        <source>Add expense…</source>
        <translation>Ajouter une dépense…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="129"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="130"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="131"/>
        <source>Other grantor</source>
        <translation>Autre organisme</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="131"/>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="132"/>
        <source>Add other grant…</source>
        <translation>Ajouter une autre aide…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="134"/>
        <source>Delete grant</source>
        <translation>Supprimer l&apos;aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="142"/>
        <source>Phases and Énergir&apos;s acceptance dates</source>
        <translation>Phases et dates d&apos;acceptation d&apos;Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="148"/>
        <source>Eligible expenses</source>
        <translation>Dépenses admissibles</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="169"/>
        <source>Other grants for the same work (stacking)</source>
        <translation>Autres aides pour les mêmes travaux (cumul)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="183"/>
        <source>Aid, with the guide&apos;s rule behind each amount</source>
        <translation>Aide, avec la règle du guide derrière chaque montant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="217"/>
        <source>2 – Diagnostic</source>
        <translation>2 – Diagnostic</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="218"/>
        <source>4 – Continuous metering</source>
        <translation>4 – Mesurage en continu</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="219"/>
        <source>4 – Other components</source>
        <translation>4 – Autres composantes</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="220"/>
        <source>5 – Savings follow-up</source>
        <translation>5 – Suivi des économies</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="224"/>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="224"/>
        <source>Requested</source>
        <translation>Demandée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="224"/>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="225"/>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="225"/>
        <source>Done</source>
        <translation>Réalisée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="247"/>
        <source>No acceptance date of the first phase 4 deliverables yet: savings program years count from it, so no savings follow-up claim can be computed. Select a phase 4 row and click “Edit phase dates…”.</source>
        <translation>Aucune date d&apos;acceptation des premiers livrables de la phase 4 pour l&apos;instant : les années du programme pour les économies sont comptées à partir de cette date; aucune demande d&apos;aide pour le suivi des économies ne peut donc être calculée. Sélectionnez une ligne de la phase 4 et cliquez sur « Modifier les dates de la phase… ».</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="321"/>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="335"/>
        <source>Eligible expenses: {0}</source>
        <translation>Dépenses admissibles : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="307"/>
        <source>Stacking:</source>
        <translation>Cumul :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="308"/>
        <source>Client&apos;s share: {0}</source>
        <translation>Part du client : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="313"/>
        <source>Payment schedule (by program year of the expenses):</source>
        <translation>Calendrier des versements (par année du programme des dépenses) :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="316"/>
        <source>Total of the schedule: {0}</source>
        <translation>Total du calendrier : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="362"/>
        <source>Énergir aid computed from these figures: {0}</source>
        <translation>Aide d&apos;Énergir calculée à partir de ces chiffres : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="378"/>
        <source>Aid request sent</source>
        <translation>Demande d&apos;aide envoyée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="379"/>
        <source>Accepted by Énergir</source>
        <translation>Acceptée par Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="380"/>
        <source>Phase completed</source>
        <translation>Phase terminée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="382"/>
        <source>Acceptance date of the first deliverables (phase 4)</source>
        <translation>Date d&apos;acceptation des premiers livrables (phase 4)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="385"/>
        <source>Aid in the acceptance notice ($)</source>
        <translation>Aide de l&apos;avis d&apos;acceptation ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="388"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="412"/>
        <source>Eligible expense</source>
        <translation>Dépense admissible</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="420"/>
        <source>Amount before taxes ($)</source>
        <translation>Montant avant taxes ($)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="421"/>
        <source>Hours (internal specialists)</source>
        <translation>Heures (spécialistes internes)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="422"/>
        <source>Hourly rate ($/h)</source>
        <translation>Taux horaire ($/h)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="423"/>
        <source>Program year (phase 4 payments)</source>
        <translation>Année du programme (versements de la phase 4)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="472"/>
        <source>Other grant</source>
        <translation>Autre aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="474"/>
        <source>Grantor (distributor or government body)</source>
        <translation>Organisme (distributeur ou organisme gouvernemental)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_phases.py" line="477"/>
        <source>Amount ($)</source>
        <translation>Montant ($)</translation>
    </message>
</context>
<context>
    <name>ProductionDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="96"/>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="101"/>
        <source>Output per period, for sites whose gas use follows production. Each period&apos;s quantity is spread evenly over its days and summed over each bill. Consecutive periods may share one day.</source>
        <translation>Production par période, pour les sites dont la consommation de gaz suit la production. La quantité de chaque période est répartie également sur ses jours et additionnée pour chaque facture. Deux périodes consécutives peuvent partager un jour.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="105"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="105"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="105"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="105"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="107"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="109"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="111"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="172"/>
        <source>Select the period to delete.</source>
        <translation>Sélectionnez la période à supprimer.</translation>
    </message>
</context>
<context>
    <name>ProductionForm</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="49"/>
        <source>Production period</source>
        <translation>Période de production</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="51"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="52"/>
        <source>End (inclusive)</source>
        <translation>Fin (incluse)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="54"/>
        <source>Quantity produced in the period</source>
        <translation>Quantité produite dans la période</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="56"/>
        <source>Unit</source>
        <translation>Unité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_production.py" line="56"/>
        <source>e.g. t, units, m²</source>
        <translation>p. ex. t, unités, m²</translation>
    </message>
</context>
<context>
    <name>PropertiesPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="114"/>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="115"/>
        <source>Buildings you manage. Select one to see its meters, bills and score.</source>
        <translation>Les bâtiments que vous gérez. Choisissez-en un pour voir ses compteurs, ses factures et sa cote.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="143"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="144"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="145"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="146"/>
        <source>Floor area (m²)</source>
        <translation>Superficie (m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="147"/>
        <source>ESPM ID</source>
        <translation>N° ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="148"/>
        <source>Meters</source>
        <translation>Compteurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="173"/>
        <source>the property “{0}” with all its meters and bills</source>
        <translation>la propriété « {0} » avec tous ses compteurs et toutes ses factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="184"/>
        <source>New property</source>
        <translation>Nouvelle propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="198"/>
        <source>Edit property</source>
        <translation>Modifier la propriété</translation>
    </message>
</context>
<context>
    <name>PropertyDialog</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="45"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="46"/>
        <source>Street address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="47"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="48"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="49"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="50"/>
        <source>ESPM property ID</source>
        <translation>N° de propriété ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="53"/>
        <source>Property type</source>
        <translation>Type de propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="57"/>
        <source>Gross floor area (m²)</source>
        <translation>Superficie brute (m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="58"/>
        <source>Year built</source>
        <translation>Année de construction</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="59"/>
        <source>Workers on the main shift</source>
        <translation>Travailleurs sur le quart principal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="60"/>
        <source>Weekly operating hours</source>
        <translation>Heures d&apos;exploitation par semaine</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="61"/>
        <source>Number of computers</source>
        <translation>Nombre d&apos;ordinateurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="62"/>
        <source>% of floor area heated</source>
        <translation>% de la superficie chauffée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="63"/>
        <source>% of floor area cooled</source>
        <translation>% de la superficie refroidie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/properties.py" line="64"/>
        <source>Months in operation (last 12)</source>
        <translation>Mois d&apos;exploitation (12 derniers)</translation>
    </message>
</context>
<context>
    <name>PropertyMeterPicker</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/pickers.py" line="31"/>
        <source>Property:</source>
        <translation>Propriété :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/pickers.py" line="35"/>
        <source>Meter:</source>
        <translation>Compteur :</translation>
    </message>
</context>
<context>
    <name>RecordTablePage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="123"/>
        <source>New…</source>
        <translation>Nouveau…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="124"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="125"/>
        <location filename="../../espm_desktop/ui/pages/base.py" line="318"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="274"/>
        <source>Read-only database: it can be read and exported, not changed.</source>
        <translation>Base de données en lecture seule : elle peut être consultée et exportée, mais pas modifiée.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="278"/>
        <source>Choose a property above first.</source>
        <translation>Choisissez d&apos;abord une propriété ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="287"/>
        <source>Select a row first.</source>
        <translation>Sélectionnez d&apos;abord une ligne.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/base.py" line="319"/>
        <source>Delete {0}? This cannot be undone.</source>
        <translation>Supprimer {0}? Cette action est irréversible.</translation>
    </message>
</context>
<context>
    <name>SavingsTab</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="70"/>
        <source>Production variable</source>
        <translation>Variable de production</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="71"/>
        <source>Production…</source>
        <translation>Production…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="73"/>
        <source>Save and compute</source>
        <translation>Enregistrer et calculer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="77"/>
        <source>Gas meter:</source>
        <translation>Compteur de gaz :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="82"/>
        <source>Baseline from</source>
        <translation>Référence du</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="82"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="83"/>
        <source>Reporting from</source>
        <translation>Suivi depuis le</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="95"/>
        <source>Excel calculation file…</source>
        <translation>Fichier de calculs Excel…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="97"/>
        <source>Annual report (PDF)…</source>
        <translation>Rapport annuel (PDF)…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="103"/>
        <source>Baseline model (CalTRACK billing method, °C)</source>
        <translation>Modèle de référence (méthode facturation CalTRACK, °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="110"/>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="110"/>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="110"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="110"/>
        <source>HDD/day</source>
        <translation>DJC/jour</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="110"/>
        <source>Predicted (m³)</source>
        <translation>Prévu (m³)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="111"/>
        <source>Adjustment (m³)</source>
        <translation>Ajustement (m³)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="111"/>
        <source>Actual (m³)</source>
        <translation>Réel (m³)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="111"/>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="115"/>
        <source>Avoided (m³)</source>
        <translation>Évité (m³)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="111"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="115"/>
        <source>Program year</source>
        <translation>Année du programme</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="115"/>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="126"/>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="349"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="115"/>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="126"/>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="350"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="116"/>
        <source>New measures in the year</source>
        <translation>Nouvelles mesures dans l&apos;année</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="116"/>
        <source>Claim</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="126"/>
        <source>m³/day</source>
        <translation>m³/jour</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="126"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="128"/>
        <source>Add adjustment…</source>
        <translation>Ajouter un ajustement…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="130"/>
        <source>Delete adjustment</source>
        <translation>Supprimer l&apos;ajustement</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="140"/>
        <source>Per period</source>
        <translation>Par période</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="141"/>
        <source>Per program year</source>
        <translation>Par année du programme</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="142"/>
        <source>Non-routine adjustments</source>
        <translation>Ajustements non routiniers</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="195"/>
        <source>(choose the gas meter)</source>
        <translation>(choisissez le compteur de gaz)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="219"/>
        <source>No model yet.</source>
        <translation>Aucun modèle pour le moment.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="236"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="236"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="252"/>
        <source>Program years count from {0}, Énergir&apos;s acceptance of the first phase 4 deliverables; savings claims until {1} (4 years). A year is claimed once the bills cover it without a gap and after 12 months of continuous measurement.</source>
        <translation>Les années du programme sont comptées à partir du {0}, date d&apos;acceptation par Énergir des premiers livrables de la phase 4; demandes d&apos;aide pour les économies jusqu&apos;au {1} (4 ans). Une année peut faire l&apos;objet d&apos;une demande une fois que les factures la couvrent sans interruption et après 12 mois de mesurage en continu.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="261"/>
        <source>use/day = {0} m³ + {1} m³/HDD × HDD/day at {2} °C</source>
        <translation>conso/jour = {0} m³ + {1} m³/DJC × DJC/jour à {2} °C</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="267"/>
        <source>use/day = {0} m³ (intercept only)</source>
        <translation>conso/jour = {0} m³ (ordonnée seule)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="269"/>
        <source> + {0} m³ × production/day</source>
        <translation> + {0} m³ × production/jour</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="275"/>
        <source>R² {0} · adjusted R² {1} · CV(RMSE) {2} % · NMBE {3} % · {4} baseline periods ({5} days)</source>
        <translation>R² {0} · R² ajusté {1} · CV(RMSE) {2} % · NMBE {3} % · {4} périodes de référence ({5} jours)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="278"/>
        <source>Meter: {0} · station: {1}</source>
        <translation>Compteur : {0} · station : {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="279"/>
        <source>Avoided since {0}: {1} m³ ± {2} m³ (fractional savings uncertainty {3} % at {4} %)</source>
        <translation>Évité depuis le {0} : {1} m³ ± {2} m³ (incertitude relative des économies {3} % à {4} %)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="294"/>
        <source>Use per day (m³): baseline model vs actual</source>
        <translation>Consommation par jour (m³) : modèle de référence et réel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="299"/>
        <source>Adjusted baseline (model)</source>
        <translation>Référence ajustée (modèle)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="300"/>
        <source>Actual</source>
        <translation>Réel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="306"/>
        <source>Cumulative savings (CUSUM, m³)</source>
        <translation>Économies cumulées (CUSUM, m³)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="347"/>
        <source>Non-routine adjustment</source>
        <translation>Ajustement non routinier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="351"/>
        <source>m³ per day added to the baseline (negative to remove)</source>
        <translation>m³ par jour ajoutés à la référence (négatif pour retirer)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="353"/>
        <source>Why (required)</source>
        <translation>Pourquoi (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="372"/>
        <source>Excel calculation file</source>
        <translation>Fichier de calculs Excel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="393"/>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="417"/>
        <source>The file could not be written to {0}: {1}</source>
        <translation>Le fichier n&apos;a pas pu être enregistré dans {0} : {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="395"/>
        <source>Calculation file written to {0}.</source>
        <translation>Fichier de calculs enregistré dans {0}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="401"/>
        <source>Annual report (PDF)</source>
        <translation>Rapport annuel (PDF)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_savings.py" line="419"/>
        <source>Annual report written to {0}.</source>
        <translation>Rapport annuel enregistré dans {0}.</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_bar.py" line="23"/>
        <source>Median {0}</source>
        <translation>Médiane {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_bar.py" line="24"/>
        <source>Certification {0}</source>
        <translation>Certification {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_bar.py" line="31"/>
        <source>Score {0} out of 100</source>
        <translation>Cote de {0} sur 100</translation>
    </message>
</context>
<context>
    <name>ScorePage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="82"/>
        <source>ENERGY STAR score</source>
        <translation>Cote ENERGY STAR</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="86"/>
        <source>The Canadian ENERGY STAR score for bank branches (NRCan technical reference, August 2023), computed in the five steps of its worked example from 12 full calendar months of bills.</source>
        <translation>La cote ENERGY STAR canadienne des succursales bancaires (référence technique de RNCan, août 2023), calculée selon les cinq étapes de son exemple à partir de 12 mois civils complets de factures.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="103"/>
        <source>Energy factors…</source>
        <translation>Facteurs énergétiques…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="108"/>
        <source>12 months ending:</source>
        <translation>12 mois se terminant en :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="133"/>
        <source>What if…</source>
        <translation>Et si…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="137"/>
        <source>Try other floor area, use details or energy use without saving</source>
        <translation>Essayez une autre superficie, d&apos;autres détails d&apos;utilisation ou une autre consommation, sans rien enregistrer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="141"/>
        <source>Score (1–100)</source>
        <translation>Cote (1 à 100)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="165"/>
        <source>Assumptions: each quantity is the whole cut taken on that one energy type alone; floor area, use details and degree days stay as they are. The percentage is of the total source energy. Quantities are rounded up.</source>
        <translation>Hypothèses : chaque quantité correspond à toute la réduction prise sur ce seul type d&apos;énergie; la superficie, les détails d&apos;utilisation et les degrés-jours restent les mêmes. Le pourcentage porte sur l&apos;énergie à la source totale. Les quantités sont arrondies à la hausse.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="177"/>
        <source>Target finder</source>
        <translation>Recherche de cible</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="180"/>
        <source>Target score:</source>
        <translation>Cote visée :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="182"/>
        <source>(75 = certification threshold)</source>
        <translation>(75 = seuil de certification)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="187"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="194"/>
        <source>Input</source>
        <translation>Donnée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="194"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="194"/>
        <source>Origin</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="202"/>
        <source>Inputs and where they come from</source>
        <translation>Données d&apos;entrée et leur provenance</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="209"/>
        <source>Data checks</source>
        <translation>Vérification des données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="213"/>
        <location filename="../../espm_desktop/ui/pages/score.py" line="378"/>
        <source>The five steps of the calculation</source>
        <translation>Les cinq étapes du calcul</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="284"/>
        <source>Latest 12 full months</source>
        <translation>12 derniers mois complets</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="311"/>
        <source>Create a property first (Properties page).</source>
        <translation>Créez d&apos;abord une propriété (page Propriétés).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="344"/>
        <source>Latest 12 full months ({0})</source>
        <translation>12 derniers mois complets ({0})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="346"/>
        <source>Latest 12 full months (none)</source>
        <translation>12 derniers mois complets (aucun)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="354"/>
        <source>There are no 12 full calendar months in which every meter has bills, so nothing can be totalled yet. See the data checks below.</source>
        <translation>Il n&apos;y a pas 12 mois civils complets où chaque compteur a des factures; rien ne peut encore être totalisé. Voyez la vérification des données ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="366"/>
        <source>The Canadian ENERGY STAR score computed here exists for bank branches only; this property is not a bank branch. Its energy totals for {0} and its data checks are shown below.</source>
        <translation>La cote ENERGY STAR canadienne calculée ici n&apos;existe que pour les succursales bancaires; cette propriété n&apos;en est pas une. Ses totaux d&apos;énergie pour {0} et la vérification de ses données sont présentés ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="374"/>
        <source>Energy totals (steps 1 and 2 of the calculation)</source>
        <translation>Totaux d&apos;énergie (étapes 1 et 2 du calcul)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="384"/>
        <source>No score: some meters do not cover every month of {0}. See the data checks below.</source>
        <translation>Aucune cote : certains compteurs ne couvrent pas tous les mois de {0}. Voyez la vérification des données ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="391"/>
        <source>Not eligible for a score yet:</source>
        <translation>Pas encore admissible à une cote :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="405"/>
        <source>No score for {0}.</source>
        <translation>Aucune cote pour {0}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="411"/>
        <source>ENERGY STAR score for {0}: source energy {1} GJ, source EUI {2} GJ/m², predicted {3} GJ/m², ratio {4}. 50 is the median of similar buildings; 75 or more can be certified.</source>
        <translation>Cote ENERGY STAR pour {0} : énergie à la source {1} GJ, IE à la source {2} GJ/m², prévue {3} GJ/m², rapport {4}. 50 est la médiane des bâtiments semblables; à 75 ou plus, le bâtiment peut être certifié.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="432"/>
        <source>meter “{0}” has no bills</source>
        <translation>le compteur « {0} » n&apos;a aucune facture</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="434"/>
        <source>meter “{0}” lacks {1} of the 12 months</source>
        <translation>il manque {1} des 12 mois au compteur « {0} »</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="438"/>
        <source>no bills for {0} of the 12 months</source>
        <translation>aucune facture pour {0} des 12 mois</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="440"/>
        <source>no weather (degree days) for these months</source>
        <translation>aucune donnée météo (degrés-jours) pour ces mois</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="457"/>
        <source>no score: {0}</source>
        <translation>pas de cote : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="460"/>
        <source>No score: {0}</source>
        <translation>Pas de cote : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="465"/>
        <source>{0} of {1} periods cannot give a score (greyed out, with the reason)</source>
        <translation>{0} des {1} périodes ne peuvent pas donner de cote (grisées, avec la raison)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="483"/>
        <source>Degree days: typed for the 12 months ending {0}</source>
        <translation>Degrés-jours : saisis pour les 12 mois se terminant le {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="489"/>
        <source>Degree days from weather station {0} (Climate ID {1}, {2})</source>
        <translation>Degrés-jours de la station météo {0} (identifiant climatologique {1}, {2})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="490"/>
        <source>province unknown</source>
        <translation>province inconnue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="496"/>
        <source>⚠ This station is in another province ({0}) than the property ({1}): its degree days describe another climate. Link a station near the property on the Weather page.</source>
        <translation>⚠ Cette station est dans une autre province ({0}) que la propriété ({1}) : ses degrés-jours décrivent un autre climat. Liez une station près de la propriété dans la page Météo.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="503"/>
        <source>⚠ This station is {0} km from the property (more than 100 km): its degree days may describe another climate.</source>
        <translation>⚠ Cette station est à {0} km de la propriété (plus de 100 km) : ses degrés-jours peuvent décrire un autre climat.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="508"/>
        <source>Degree days: no weather station linked (Weather page)</source>
        <translation>Degrés-jours : aucune station météo liée (page Météo)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="526"/>
        <source>No problem found in the bills, meters and floor area.</source>
        <translation>Aucun problème trouvé dans les factures, les compteurs et la superficie.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="542"/>
        <source>Property record</source>
        <translation>Fiche de la propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="543"/>
        <source>Missing: enter it on the Properties page</source>
        <translation>Manquant : saisissez-le à la page Propriétés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="549"/>
        <source>Property type</source>
        <translation>Type de propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="551"/>
        <source>Gross floor area</source>
        <translation>Superficie brute</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="560"/>
        <source>Workers on the main shift</source>
        <translation>Travailleurs sur le quart principal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="561"/>
        <source>Weekly operating hours</source>
        <translation>Heures d&apos;exploitation par semaine</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="562"/>
        <source>Computers</source>
        <translation>Ordinateurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="563"/>
        <source>Percent heated</source>
        <translation>Pourcentage chauffé</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="564"/>
        <source>Percent cooled</source>
        <translation>Pourcentage refroidi</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="565"/>
        <source>Months in operation</source>
        <translation>Mois d&apos;exploitation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="571"/>
        <source>Bills of meter “{0}”, {1}</source>
        <translation>Factures du compteur « {0} », {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="573"/>
        <source>{0} month(s) not covered</source>
        <translation>{0} mois non couvert(s)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="585"/>
        <source>Typed for the 12 months ending {0}</source>
        <translation>Saisis pour les 12 mois se terminant le {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="589"/>
        <source>From station {0} ({1}), {2} missing day(s)</source>
        <translation>Station {0} ({1}), {2} jour(s) manquant(s)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="594"/>
        <source>Station {0} lacks whole months: type them on the Weather page</source>
        <translation>La station {0} n&apos;a pas de données pour des mois entiers : saisissez-les à la page Météo</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="598"/>
        <source>Missing: type them or link a station on the Weather page</source>
        <translation>Manquants : saisissez-les ou liez une station à la page Météo</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="599"/>
        <source>Heating degree days (HDD, 18 °C)</source>
        <translation>Degrés-jours de chauffage (DJC, 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="600"/>
        <source>Cooling degree days (CDD, 18 °C)</source>
        <translation>Degrés-jours de refroidissement (DJR, 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="605"/>
        <source>Bank branch</source>
        <translation>Succursale bancaire</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="606"/>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="607"/>
        <source>Industrial</source>
        <translation>Industriel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="608"/>
        <source>Retail</source>
        <translation>Commerce de détail</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="609"/>
        <source>Multifamily housing</source>
        <translation>Immeuble multilogement</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="610"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="633"/>
        <source>Your score {0} already reaches {1}.</source>
        <translation>Votre cote {0} atteint déjà {1}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="638"/>
        <source>{0} m³ of natural gas</source>
        <translation>{0} m³ de gaz naturel</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="640"/>
        <source>{0} kWh of electricity</source>
        <translation>{0} kWh d&apos;électricité</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="648"/>
        <source>To reach {0}, use {1} less: more than any one energy type can give; combine cuts.</source>
        <translation>Pour atteindre {0}, consommez {1} de moins : c&apos;est plus qu&apos;un seul type d&apos;énergie peut donner; combinez les réductions.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="650"/>
        <source>To reach {0}, use {1} less: about {2} a year.</source>
        <translation>Pour atteindre {0}, consommez {1} de moins : environ {2} par année.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="651"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="657"/>
        <source>The current score {0} already reaches {1}: no cut is needed.</source>
        <translation>La cote actuelle de {0} atteint déjà {1} : aucune réduction n&apos;est nécessaire.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="662"/>
        <source>To reach {0}, the ratio must fall below {1} (source EUI {2} GJ/m²): cut {3} GJ of source energy a year ({4} of the total). For example:</source>
        <translation>Pour atteindre {0}, le rapport doit descendre sous {1} (IE à la source de {2} GJ/m²) : réduisez l&apos;énergie à la source de {3} GJ par année ({4} du total). Par exemple :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="673"/>
        <source>• {0}: {1} {2} less a year</source>
        <translation>• {0} : {1} {2} de moins par année</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score.py" line="679"/>
        <source>(more than the building uses: combine with other cuts)</source>
        <translation>(plus que ce que le bâtiment consomme : combinez avec d&apos;autres réductions)</translation>
    </message>
</context>
<context>
    <name>ScoreStepsView</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="116"/>
        <source>1. The user enters the building&apos;s data</source>
        <translation>1. L&apos;utilisateur inscrit les données relatives au bâtiment</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="117"/>
        <source>2. Actual source EUI</source>
        <translation>2. IE à la source réelle</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="118"/>
        <source>3. Predicted source EUI</source>
        <translation>3. IE à la source prévue</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="119"/>
        <source>4. Energy efficiency ratio</source>
        <translation>4. Rapport d&apos;efficacité énergétique</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="120"/>
        <source>5. Score from the reference table (Figure 5)</source>
        <translation>5. Cote tirée du tableau de référence (figure 5)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="128"/>
        <source>Energy data</source>
        <translation>Données énergétiques</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="128"/>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="129"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="129"/>
        <source>Property use details</source>
        <translation>Détails d&apos;utilisation de la propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="133"/>
        <source>Fuel</source>
        <translation>Combustible</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="134"/>
        <source>Billing units</source>
        <translation>Unités de facturation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="135"/>
        <source>Site GJ multiplier</source>
        <translation>Multiplicateur – GJ du site</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="136"/>
        <source>Site GJ</source>
        <translation>GJ du site</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="137"/>
        <source>Source multiplier</source>
        <translation>Multiplicateur de la source</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="138"/>
        <source>Source GJ</source>
        <translation>GJ à la source</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="144"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="145"/>
        <source>Building value</source>
        <translation>Valeur réelle du bâtiment</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="146"/>
        <source>Reference centring value</source>
        <translation>Valeur de centrage de référence</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="147"/>
        <source>Building centred variable</source>
        <translation>Variable centrée du bâtiment</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="148"/>
        <source>Coefficient</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="149"/>
        <source>Coefficient × centred variable</source>
        <translation>Coefficient × variable centrée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="161"/>
        <source>Centring values are the reference means (Figure 2 of NRCan&apos;s technical reference repeats the medians in its “Mean” column; the worked example uses these means). Percentages enter as fractions: 100 % × 113 CDD = 113.</source>
        <translation>Les valeurs de centrage sont les moyennes de référence (la figure 2 de la référence technique de RNCan répète les médianes dans sa colonne « Moyenne »; l&apos;exemple de calcul utilise ces moyennes). Les pourcentages entrent comme fractions : 100 % × 113 DJR = 113.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="216"/>
        <source>Gross floor area (m²)</source>
        <translation>Superficie brute (m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="219"/>
        <source>Number of full-time workers on the main shift</source>
        <translation>Nombre de travailleurs temps plein sur le quart de travail principal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="220"/>
        <source>Percent of the floor area that is cooled</source>
        <translation>Pourcentage de la superficie refroidie</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="221"/>
        <source>Percent of the floor area that is heated</source>
        <translation>Pourcentage de la superficie chauffée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="222"/>
        <source>CDD (cooling degree days)</source>
        <translation>DJR (degrés-jours de refroidissement)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="223"/>
        <source>HDD (heating degree days)</source>
        <translation>DJC (degrés-jours de chauffage)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="241"/>
        <source>Total site energy (GJ)</source>
        <translation>Énergie du site totale (GJ)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="244"/>
        <source>Total source energy (GJ)</source>
        <translation>Énergie à la source totale (GJ)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="247"/>
        <source>Source EUI (GJ/m²)</source>
        <translation>IE à la source (GJ/m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="282"/>
        <source>Predicted source EUI (GJ/m²)</source>
        <translation>IE à la source prévue (GJ/m²)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="295"/>
        <source>The ratio cannot be computed: see the reasons above.</source>
        <translation>Le rapport ne peut pas être calculé : voyez les motifs ci-dessus.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="296"/>
        <source>No score.</source>
        <translation>Aucune cote.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="300"/>
        <source>Ratio = actual source EUI (step 2) ÷ predicted source EUI (step 3) = {0} ÷ {1} = {2}</source>
        <translation>Rapport = IE à la source réelle (étape 2) ÷ IE à la source prévue (étape 3) = {0} ÷ {1} = {2}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="307"/>
        <source>A ratio of {0} would be looked up in the table, but the property is not eligible for a score (see the reasons above).</source>
        <translation>Un rapport de {0} serait cherché dans le tableau, mais la propriété n&apos;est pas admissible à une cote (voir les motifs ci-dessus).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="313"/>
        <source>A ratio of {0} is at least {1}: the ENERGY STAR score is {2}.</source>
        <translation>Un rapport de {0} est supérieur ou égal à {1} : la cote ENERGY STAR est {2}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_steps.py" line="318"/>
        <source>A ratio of {0} is at least {1} and less than {2}: the ENERGY STAR score is {3}.</source>
        <translation>Un rapport de {0} est supérieur ou égal à {1} et inférieur à {2} : la cote ENERGY STAR est {3}.</translation>
    </message>
</context>
<context>
    <name>ScoreWhatIfPanel</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="61"/>
        <source>What if… (nothing is saved)</source>
        <translation>Et si… (rien n&apos;est enregistré)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="78"/>
        <source>Gross floor area</source>
        <translation>Superficie brute</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="79"/>
        <source>Workers on the main shift</source>
        <translation>Travailleurs sur le quart principal</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="80"/>
        <source>Weekly operating hours</source>
        <translation>Heures d&apos;exploitation par semaine</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="81"/>
        <source>Computers</source>
        <translation>Ordinateurs</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="82"/>
        <source>Percent heated</source>
        <translation>Pourcentage chauffé</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="83"/>
        <source>Percent cooled</source>
        <translation>Pourcentage refroidi</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="84"/>
        <source>Months in operation</source>
        <translation>Mois d&apos;exploitation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="93"/>
        <source>Annual use of each energy (change in %)</source>
        <translation>Consommation annuelle de chaque énergie (variation en %)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="106"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="108"/>
        <source>Put back the property&apos;s own values and energy use.</source>
        <translation>Rétablir les valeurs et la consommation d&apos;énergie propres à la propriété.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="112"/>
        <source>Try other values here: the property and its bills are not changed. The weather (degree days) stays that of the chosen 12 months.</source>
        <translation>Essayez d&apos;autres valeurs ici : la propriété et ses factures ne sont pas modifiées. La météo (degrés-jours) reste celle des 12 mois choisis.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="235"/>
        <source>Current {0} → what-if {1}</source>
        <translation>Cote actuelle {0} → simulée {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="241"/>
        <source>No score with these values:</source>
        <translation>Aucune cote avec ces valeurs :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="245"/>
        <source>Source EUI {0} GJ/m², predicted {1} GJ/m², ratio {2}.</source>
        <translation>IE à la source {0} GJ/m², prévue {1} GJ/m², rapport {2}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/score_whatif.py" line="254"/>
        <source>{0} {1} a year</source>
        <translation>{0} {1} par année</translation>
    </message>
</context>
<context>
    <name>DataExchangePage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="142"/>
        <source>Énergir data exchange</source>
        <translation>Échange de données Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="146"/>
        <source>Set up ENERGY STAR Portfolio Manager so that Énergir sends this meter&apos;s monthly natural-gas use, step by step as in Énergir&apos;s guide, with your own numbers to copy. Where you stopped is kept per meter.</source>
        <translation>Configurez ENERGY STAR Portfolio Manager pour qu&apos;Énergir y envoie chaque mois la consommation de gaz naturel de ce compteur, étape par étape comme dans le guide d&apos;Énergir, avec vos propres numéros à copier. L&apos;endroit où vous vous êtes arrêté est conservé pour chaque compteur.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="201"/>
        <source>What data is sent to ESPM</source>
        <translation>Données transmises à ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="202"/>
        <source>Removing Énergir&apos;s access</source>
        <translation>Retirer l&apos;accès d&apos;Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="202"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="206"/>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="219"/>
        <source>Print checklist (PDF)…</source>
        <translation>Imprimer la liste de contrôle (PDF)…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="222"/>
        <source>Export ESPM meters template…</source>
        <translation>Exporter le modèle de compteurs ESPM…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="226"/>
        <source>All meters of the property in ESPM&apos;s “Add New Meters to Existing Properties” upload file</source>
        <translation>Tous les compteurs de la propriété dans le fichier de téléversement ESPM «&#xa0;Add New Meters to Existing Properties&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="291"/>
        <source>Select a property with a natural-gas meter, or add one in the Meters page.</source>
        <translation>Choisissez une propriété qui a un compteur de gaz naturel, ou ajoutez-en un dans la page Compteurs.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="303"/>
        <source>“{0}” ({1}) is not a natural-gas meter: Énergir&apos;s data exchange only sends natural gas.</source>
        <translation>«&#xa0;{0}&#xa0;» ({1}) n&apos;est pas un compteur de gaz naturel&#xa0;: l&apos;échange de données d&apos;Énergir ne transmet que le gaz naturel.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="306"/>
        <source>This property has no natural-gas meter; add one in the Meters page.</source>
        <translation>Cette propriété n&apos;a aucun compteur de gaz naturel; ajoutez-en un dans la page Compteurs.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="313"/>
        <source>Énergir&apos;s data has arrived for this meter: status set to “{0}”.</source>
        <translation>Les données d&apos;Énergir sont arrivées pour ce compteur&#xa0;: état mis à «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="324"/>
        <source>Open “{0}”</source>
        <translation>Ouvrir «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="363"/>
        <source>Check the numbers</source>
        <translation>Vérifier les numéros</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="365"/>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="200"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="367"/>
        <source>Current · {0}/{1}</source>
        <translation>En cours · {0}/{1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="369"/>
        <source>{0}/{1} done</source>
        <translation>{0}/{1} faites</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="371"/>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="389"/>
        <source>Copied “{0}”: paste it in ESPM.</source>
        <translation>«&#xa0;{0}&#xa0;» copié&#xa0;: collez-le dans ESPM.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="442"/>
        <source>Recorded “{0}” on {1}.</source>
        <translation>«&#xa0;{0}&#xa0;» enregistré en date du {1}.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="453"/>
        <source>Go back one status</source>
        <translation>Revenir d&apos;un état</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="454"/>
        <source>Set the status back to “{0}”? The date of “{1}” will be forgotten.</source>
        <translation>Revenir à l&apos;état «&#xa0;{0}&#xa0;»? La date de «&#xa0;{1}&#xa0;» sera effacée.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="467"/>
        <source>Status set back to “{0}”.</source>
        <translation>État ramené à «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="484"/>
        <source>Print checklist (PDF)</source>
        <translation>Imprimer la liste de contrôle (PDF)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="485"/>
        <source>ESPM setup checklist</source>
        <translation>Liste de contrôle ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="487"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="503"/>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="534"/>
        <source>Could not write {0}: {1}</source>
        <translation>Impossible d&apos;écrire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="505"/>
        <source>Checklist saved to {0}</source>
        <translation>Liste de contrôle enregistrée dans {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="519"/>
        <source>Export ESPM meters template</source>
        <translation>Exporter le modèle de compteurs ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="520"/>
        <source>ESPM Add Meters</source>
        <translation>Ajout de compteurs ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="522"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="536"/>
        <source>ESPM meters template saved to {0} ({1} meters).</source>
        <translation>Modèle de compteurs ESPM enregistré dans {0} ({1} compteurs).</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange.py" line="539"/>
        <source>Still to fill in before uploading:</source>
        <translation>À remplir avant le téléversement&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SgePage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="75"/>
        <source>SGÉ program</source>
        <translation>Programme SGÉ</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="78"/>
        <source>Énergir&apos;s energy management system (SGÉ) subsidy: the participant&apos;s file, phases and aid with the guide&apos;s rule behind every amount, measures and indicators, measured gas savings and payment invoices.</source>
        <translation>Subvention d&apos;Énergir pour un système de gestion de l&apos;énergie (SGÉ) : dossier du participant, phases et aide avec la règle du guide derrière chaque montant, mesures et indicateurs, économies de gaz mesurées et factures de versement.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="86"/>
        <source>New participant…</source>
        <translation>Nouveau participant…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="88"/>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="252"/>
        <source>Delete participant</source>
        <translation>Supprimer le participant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="91"/>
        <source>Participant:</source>
        <translation>Participant :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="112"/>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="113"/>
        <source>Phases and aid</source>
        <translation>Phases et aide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="114"/>
        <source>Measures and IPÉ</source>
        <translation>Mesures et IPÉ</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="115"/>
        <source>Savings</source>
        <translation>Économies</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="116"/>
        <source>Invoices</source>
        <translation>Factures</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="153"/>
        <source> (archived)</source>
        <translation> (archivé)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="180"/>
        <source>No participant yet. Click “New participant…” to open the file of an industrial site.</source>
        <translation>Aucun participant. Cliquez sur « Nouveau participant… » pour ouvrir le dossier d&apos;un site industriel.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="187"/>
        <source>done on {0}</source>
        <translation>fait le {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="192"/>
        <source>{0} days left</source>
        <translation>{0} jours restants</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="194"/>
        <source>{0} days overdue</source>
        <translation>en retard de {0} jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="206"/>
        <source>No deadline yet: enter Énergir&apos;s acceptance dates in “Phases and aid”.</source>
        <translation>Aucune échéance : saisissez les dates d&apos;acceptation d&apos;Énergir dans « Phases et aide ».</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="211"/>
        <source>&lt;b&gt;Deadlines&lt;/b&gt; (today {0})</source>
        <translation>&lt;b&gt;Échéances&lt;/b&gt; (aujourd&apos;hui {0})</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="212"/>
        <source>Aid accepted by Énergir so far: {0}</source>
        <translation>Aide acceptée par Énergir jusqu&apos;ici : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="214"/>
        <source>gas avoided since the reporting start: {0} m³</source>
        <translation>gaz évité depuis le début du suivi : {0} m³</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="221"/>
        <source>New SGÉ participant</source>
        <translation>Nouveau participant SGÉ</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="223"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="224"/>
        <source>Site address (where the work is done)</source>
        <translation>Adresse du site (où sont réalisés les travaux)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="225"/>
        <source>Énergir file number</source>
        <translation>N° de dossier Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/sge_page.py" line="252"/>
        <source>Restore participant</source>
        <translation>Restaurer le participant</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_status.py" line="53"/>
        <source>Go back one status…</source>
        <translation>Revenir d&apos;un état…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_status.py" line="56"/>
        <source>For a status recorded by mistake, or after revoking Énergir&apos;s access</source>
        <translation>Pour un état enregistré par erreur, ou après avoir retiré l&apos;accès d&apos;Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_status.py" line="60"/>
        <source>Data-exchange status:</source>
        <translation>État de l&apos;échange de données&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_status.py" line="63"/>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_status.py" line="124"/>
        <source>ESPM will refuse a number stored for this meter; correct it in stage 1:</source>
        <translation>ESPM refusera un numéro enregistré pour ce compteur; corrigez-le à l&apos;étape 1&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/setup_status.py" line="145"/>
        <source>Record “{0}”</source>
        <translation>Enregistrer «&#xa0;{0}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="196"/>
        <source>Continue here</source>
        <translation>Continuer ici</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="206"/>
        <source>Waiting for Énergir</source>
        <translation>En attente d&apos;Énergir</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="211"/>
        <source>Guide step {0}</source>
        <translation>Étape {0} du guide</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="236"/>
        <source>Record “{0}” on this date</source>
        <translation>Enregistrer «&#xa0;{0}&#xa0;» à cette date</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="267"/>
        <source>Done: the meter&apos;s status or numbers show this step is behind you.</source>
        <translation>Fait&#xa0;: l&apos;état ou les numéros du compteur montrent que cette étape est derrière vous.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="285"/>
        <source>✓ “{0}” recorded on {1}</source>
        <translation>✓ «&#xa0;{0}&#xa0;» enregistré en date du {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="287"/>
        <source>✓ “{0}” reached</source>
        <translation>✓ «&#xa0;{0}&#xa0;» atteint</translation>
    </message>
</context>
<context>
    <name>TableFilter</name>
    <message>
        <location filename="../../espm_desktop/ui/table_filter.py" line="97"/>
        <source>Filter: type part of a name, a city, a number…</source>
        <translation>Filtre : saisissez une partie d&apos;un nom, d&apos;une ville, d&apos;un numéro…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/table_filter.py" line="99"/>
        <source>Shows only the rows that contain this text (case and accents ignored).</source>
        <translation>Affiche seulement les lignes qui contiennent ce texte (sans égard à la casse ni aux accents).</translation>
    </message>
</context>
<context>
    <name>UsePerHddChart</name>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="306"/>
        <source>No month has both complete bills and enough heating degree-days (30 or more) to compare.</source>
        <translation>Aucun mois n&apos;a à la fois des factures complètes et assez de degrés-jours de chauffage (30 ou plus) pour comparer.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="315"/>
        <source>Use per HDD</source>
        <translation>Consommation par DJC</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="329"/>
        <source>Heating degree-days (right axis)</source>
        <translation>Degrés-jours de chauffage (axe de droite)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="331"/>
        <source>HDD (°C·days, base 18 °C)</source>
        <translation>DJC (°C·jours, base 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="333"/>
        <source>Use per HDD ({0}/°C·day)</source>
        <translation>Consommation par DJC ({0}/°C·jour)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="343"/>
        <source>Use: {0} {1}</source>
        <translation>Consommation : {0} {1}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="344"/>
        <source>HDD: {0}</source>
        <translation>DJC : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="348"/>
        <source>Use per HDD: {0} {1}/°C·day</source>
        <translation>Consommation par DJC : {0} {1}/°C·jour</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="350"/>
        <source>Use per HDD: not shown (incomplete month or fewer than 30 HDD)</source>
        <translation>Consommation par DJC : non affichée (mois incomplet ou moins de 30 DJC)</translation>
    </message>
</context>
<context>
    <name>ValueRow</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="135"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="137"/>
        <source>Copy this value, then paste it in ESPM</source>
        <translation>Copiez cette valeur, puis collez-la dans ESPM</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="159"/>
        <source>Not set: enter it on the meter (Meters page)</source>
        <translation>Non saisie&#xa0;: inscrivez-la sur le compteur (page Compteurs)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="161"/>
        <source>Not known yet: enter it in stage 1</source>
        <translation>Pas encore connu&#xa0;: saisissez-le à l&apos;étape 1</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/data_exchange_widgets.py" line="167"/>
        <source>ESPM will refuse this value: correct it in stage 1.</source>
        <translation>ESPM refusera cette valeur : corrigez-la à l&apos;étape 1.</translation>
    </message>
</context>
<context>
    <name>WeatherPage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="137"/>
        <source>Weather</source>
        <translation>Météo</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="141"/>
        <source>Degree days base 18 °C for the score. Import Environment Canada daily climate files (climate.weather.gc.ca, one station and one year a file) and link the property to its station, or type the degree days ESPM shows for the property&apos;s 12 months; typed values win.</source>
        <translation>Degrés-jours base 18 °C pour la cote. Importez les fichiers climatiques quotidiens d&apos;Environnement Canada (climat.meteo.gc.ca, une station et une année par fichier) et liez la propriété à sa station, ou saisissez les degrés-jours qu&apos;ESPM affiche pour les 12 mois de la propriété; les valeurs saisies ont priorité.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="148"/>
        <source>Import ECCC daily files…</source>
        <translation>Importer des fichiers quotidiens d&apos;ECCC…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="161"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="162"/>
        <source>Climate ID</source>
        <translation>Identifiant climatologique</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="163"/>
        <source>Period imported</source>
        <translation>Période importée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="164"/>
        <source>Days</source>
        <translation>Jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="170"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="171"/>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="209"/>
        <source>HDD</source>
        <translation>DJC</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="172"/>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="209"/>
        <source>CDD</source>
        <translation>DJR</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="173"/>
        <source>Days with data</source>
        <translation>Jours avec données</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="174"/>
        <source>Missing days</source>
        <translation>Jours manquants</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="175"/>
        <source>Estimated days</source>
        <translation>Jours estimés</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="187"/>
        <source>Stations imported</source>
        <translation>Stations importées</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="191"/>
        <source>Monthly degree days of the selected station (base 18 °C)</source>
        <translation>Degrés-jours mensuels de la station sélectionnée (base 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="199"/>
        <source>Link to the selected station</source>
        <translation>Lier à la station sélectionnée</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="201"/>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="209"/>
        <source>12 months ending</source>
        <translation>12 mois se terminant le</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="209"/>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="212"/>
        <source>Type degree days…</source>
        <translation>Saisir des degrés-jours…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="214"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="216"/>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="510"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="219"/>
        <source>Typed degree days:</source>
        <translation>Degrés-jours saisis :</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="223"/>
        <source>Property</source>
        <translation>Propriété</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="339"/>
        <source>{0} day(s) without data in this month</source>
        <translation>{0} jour(s) sans données ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="365"/>
        <source>Linked station: {0}</source>
        <translation>Station liée : {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="365"/>
        <source>Linked station: none</source>
        <translation>Station liée : aucune</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="403"/>
        <source>Import Environment Canada daily climate files</source>
        <translation>Importer des fichiers climatiques quotidiens d&apos;Environnement Canada</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="405"/>
        <source>ECCC daily climate CSV (*.csv);;All files (*)</source>
        <translation>CSV climatiques quotidiens d&apos;ECCC (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="420"/>
        <source>Nothing was imported. {0}</source>
        <translation>Rien n&apos;a été importé. {0}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="426"/>
        <source>{0} ({1}): {2} new day(s), {3} updated, {4} already there</source>
        <translation>{0} ({1}) : {2} nouveau(x) jour(s), {3} mis à jour, {4} déjà présent(s)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="432"/>
        <source>Imported {0} file(s). </source>
        <translation>{0} fichier(s) importé(s). </translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="486"/>
        <source>Type degree days</source>
        <translation>Saisir des degrés-jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="499"/>
        <source>Edit degree days</source>
        <translation>Modifier les degrés-jours</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/weather.py" line="511"/>
        <source>Delete these typed degree days?</source>
        <translation>Supprimer ces degrés-jours saisis?</translation>
    </message>
</context>
<context>
    <name>WeatherScatterChart</name>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="367"/>
        <source>No bill period has degree days for at least 90 % of its days: import the weather of the bills&apos; dates.</source>
        <translation>Aucune période de facturation n&apos;a de degrés-jours pour au moins 90 % de ses jours : importez la météo des dates des factures.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="372"/>
        <source>Calendar months</source>
        <translation>Mois civils</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="372"/>
        <source>Bill periods</source>
        <translation>Périodes de facturation</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="397"/>
        <source>Fit: {0} + {1} × HDD/day{2}</source>
        <translation>Droite : {0} + {1} × DJC/jour{2}</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="401"/>
        <source>Heating degree-days per day (°C·day/day, base 18 °C)</source>
        <translation>Degrés-jours de chauffage par jour (°C·jour/jour, base 18 °C)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="402"/>
        <source>Use per day ({0}/day)</source>
        <translation>Consommation par jour ({0}/jour)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="408"/>
        <source>{0} – {1}
{2} {3}/day at {4} HDD/day</source>
        <translation>{0} – {1}
{2} {3}/jour à {4} DJC/jour</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="22"/>
        <source>Welcome to ESPM Desktop</source>
        <translation>Bienvenue dans ESPM Desktop</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="27"/>
        <source>This database holds no building yet. Choose how to begin; you can do the other two at any time from the File menu and the Properties page. Press F1 on any page for its guide.</source>
        <translation>Cette base de données ne contient encore aucun bâtiment. Choisissez comment commencer; vous pourrez faire les deux autres actions en tout temps à partir du menu Fichier et de la page Propriétés. Appuyez sur F1 dans n&apos;importe quelle page pour afficher son guide.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="34"/>
        <source>Open the demo</source>
        <translation>Ouvrir la démo</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="37"/>
        <source>Explore a bank branch, an office building and an industrial plant with years of bills, scores and an SGÉ file. The demo is a separate database: yours stays empty.</source>
        <translation>Explorez une succursale bancaire, un immeuble de bureaux et une usine avec des années de factures, des cotes et un dossier SGÉ. La démo est une base de données distincte : la vôtre reste vide.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="40"/>
        <source>Import an ESPM file…</source>
        <translation>Importer un fichier ESPM…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="43"/>
        <source>Bring in the properties, meters and bills exported from ENERGY STAR Portfolio Manager (Excel or CSV). You see every row before anything is saved.</source>
        <translation>Importez les propriétés, les compteurs et les factures exportés d&apos;ENERGY STAR Portfolio Manager (Excel ou CSV). Vous voyez chaque ligne avant tout enregistrement.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="46"/>
        <source>Create a property…</source>
        <translation>Créer une propriété…</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="49"/>
        <source>Type a building&apos;s name, address, type and floor area, then add its meters and bills by hand or connect its Énergir gas meter.</source>
        <translation>Saisissez le nom, l&apos;adresse, le type et la superficie d&apos;un bâtiment, puis ajoutez ses compteurs et ses factures à la main ou connectez son compteur de gaz Énergir.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/pages/welcome.py" line="73"/>
        <source>Read-only database: it can&apos;t be changed. Open the demo or another database.</source>
        <translation>Base de données en lecture seule : elle ne peut pas être modifiée. Ouvrez la démo ou une autre base de données.</translation>
    </message>
</context>
<context>
    <name>YearOverYearChart</name>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="190"/>
        <source>No bills yet: add bills on the Bills page to see this chart.</source>
        <translation>Aucune facture pour l&apos;instant : ajoutez des factures à la page Factures pour voir ce graphique.</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="200"/>
        <source>{0} (chosen period)</source>
        <translation>{0} (période choisie)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="203"/>
        <source>{0} (latest 12 full months)</source>
        <translation>{0} (12 derniers mois complets)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="205"/>
        <source>{0} (latest year)</source>
        <translation>{0} (dernière année)</translation>
    </message>
    <message>
        <location filename="../../espm_desktop/ui/plots/charts.py" line="231"/>
        <source>Use ({0})</source>
        <translation>Consommation ({0})</translation>
    </message>
</context>
</TS>
