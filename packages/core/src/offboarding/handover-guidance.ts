/**
 * How to hand an account over, per platform, in the operator's words to the client (English
 * and formal Hungarian). Every list starts by giving the client ownership or full admin rights
 * and ends with the operator removing their own access: the order the handover must keep.
 * Menu paths are the products' own as of 2026; they move, so each step also says what to achieve.
 */

export const handoverPlatforms = [
  'meta_business_suite',
  'google_business_profile',
  'google_ads',
  'google_analytics',
  'linkedin_page',
  'x',
  'tiktok',
  'other',
] as const;
export type HandoverPlatform = (typeof handoverPlatforms)[number];

/** The products' own names (the same in every language); `other` has none, its handle says what it is. */
export const handoverPlatformNames: Readonly<Record<HandoverPlatform, string | undefined>> = {
  meta_business_suite: 'Meta Business Suite',
  google_business_profile: 'Google Business Profile',
  google_ads: 'Google Ads',
  google_analytics: 'Google Analytics',
  linkedin_page: 'LinkedIn',
  x: 'X',
  tiktok: 'TikTok',
  other: undefined,
};

export const guidanceLocales = ['en', 'hu'] as const;
export type GuidanceLocale = (typeof guidanceLocales)[number];

/** What a step does for the order: the client's ownership first, checks between, the operator's access last. */
export type HandoverStepKind = 'give_client_ownership' | 'check' | 'remove_own_access';

export interface HandoverGuidanceStep {
  kind: HandoverStepKind;
  en: string;
  hu: string;
}

export const handoverGuidance: Readonly<Record<HandoverPlatform, readonly HandoverGuidanceStep[]>> = {
  meta_business_suite: [
    {
      kind: 'give_client_ownership',
      en: "Give the client full control of the Page: Meta Business Suite → Settings → People → add the client's own Facebook profile and assign the Page and the Instagram account with full control (or, in the Page's settings, Page access → Allow full control).",
      hu: 'Adjon teljes irányítást az ügyfélnek az oldal felett: Meta Business Suite → Beállítások → Személyek → adja hozzá az ügyfél saját Facebook-profilját, és rendelje hozzá az oldalt és az Instagram-fiókot teljes irányítással (vagy az oldal beállításaiban: Oldalhoz való hozzáférés → Teljes irányítás engedélyezése).',
    },
    {
      kind: 'check',
      en: "If your Business Portfolio owns the Page, hand it to the client's portfolio: after the step above, remove it from yours (Settings → Accounts → Pages → Remove) and have them claim it in theirs (Accounts → Pages → Add → Claim a Page).",
      hu: 'Ha az oldal az Ön üzleti portfóliójának tulajdonában van, adja át az ügyfél portfóliójának: az előző lépés után távolítsa el a sajátjából (Beállítások → Fiókok → Oldalak → Eltávolítás), az ügyfél pedig igényelje a sajátjában (Fiókok → Oldalak → Hozzáadás → Oldal igénylése).',
    },
    {
      kind: 'check',
      en: "An ad account cannot change owner: share it, the Pixel (dataset) and the catalogues with the client's portfolio under Settings → Partners, or have them open their own ad account with their own payment method.",
      hu: 'A hirdetési fiók tulajdonosa nem módosítható: ossza meg azt, a pixelt (adatkészletet) és a katalógusokat az ügyfél portfóliójával a Beállítások → Partnerek menüben, vagy az ügyfél nyisson saját hirdetési fiókot saját fizetési móddal.',
    },
    {
      kind: 'check',
      en: 'Ask the client to confirm they can post, read the inbox and manage people. New admins may have to wait 7 days before they can remove others.',
      hu: 'Kérje meg az ügyfelet, hogy erősítse meg: tud posztolni, látja az üzeneteket, és kezelni tudja a személyeket. Előfordulhat, hogy az új adminisztrátoroknak 7 napot kell várniuk, mielőtt másokat eltávolíthatnak.',
    },
    {
      kind: 'remove_own_access',
      en: "Remove your own access last: Settings → People → remove yourself and your team from the client's assets, and end the partnership between your portfolios.",
      hu: 'Utolsó lépésként vonja vissza a saját hozzáférését: Beállítások → Személyek → távolítsa el magát és munkatársait az ügyfél eszközeiről, és szüntesse meg a portfóliók közötti partnerkapcsolatot.',
    },
  ],
  google_business_profile: [
    {
      kind: 'give_client_ownership',
      en: 'Add the client as an owner: on the profile (signed in, on Google Search or Maps), More (⋮) → Business Profile settings → People and access → Add → their Google account → Owner.',
      hu: 'Adja hozzá az ügyfelet tulajdonosként: a profilon (bejelentkezve a Google Keresőben vagy a Térképen) Továbbiak (⋮) → Cégprofil beállításai → Személyek és hozzáférés → Hozzáadás → az ügyfél Google-fiókja → Tulajdonos.',
    },
    {
      kind: 'give_client_ownership',
      en: 'Once they have accepted, make them Primary owner: select their name → Access → Edit → Primary owner → Save. Google may make a new owner wait 7 days first.',
      hu: 'Miután elfogadta a meghívást, tegye elsődleges tulajdonossá: válassza ki a nevét → Hozzáférés → Szerkesztés → Elsődleges tulajdonos → Mentés. Előfordulhat, hogy a Google egy új tulajdonosnál 7 nap várakozást kér.',
    },
    {
      kind: 'check',
      en: 'Check that the profile lists the client as Primary owner and that its verification, reviews and website link are unchanged.',
      hu: 'Ellenőrizze, hogy a profilon az ügyfél szerepel elsődleges tulajdonosként, és hogy az ellenőrzött állapot, a vélemények és a weboldal-hivatkozás változatlan.',
    },
    {
      kind: 'remove_own_access',
      en: 'Remove your own access last: People and access → your name → Remove access.',
      hu: 'Utolsó lépésként távolítsa el a saját hozzáférését: Személyek és hozzáférés → az Ön neve → Hozzáférés eltávolítása.',
    },
  ],
  google_ads: [
    {
      kind: 'give_client_ownership',
      en: 'Give the client admin access: Google Ads → Admin → Access and security → Users → + → their email → Admin.',
      hu: 'Adjon adminisztrátori hozzáférést az ügyfélnek: Google Ads → Adminisztrátor → Hozzáférés és biztonság → Felhasználók → + → az ügyfél e-mail-címe → Adminisztrátor.',
    },
    {
      kind: 'check',
      en: "Check that billing runs on the client's own payments profile (Billing → Settings); if it is yours, have them set up their own before you leave.",
      hu: 'Ellenőrizze, hogy a számlázás az ügyfél saját fizetési profiljára fut-e (Számlázás → Beállítások); ha az Önére, az ügyfél állítsa be a sajátját, mielőtt Ön kilép.',
    },
    {
      kind: 'check',
      en: 'Check that conversion tracking and the linked accounts (Analytics, Merchant Center) belong to or are shared with the client (Tools → Data manager).',
      hu: 'Ellenőrizze, hogy a konverziókövetés és az összekapcsolt fiókok (Analytics, Merchant Center) az ügyfélé, vagy meg vannak osztva vele (Eszközök → Adatkezelő).',
    },
    {
      kind: 'remove_own_access',
      en: 'Remove your own access last: Admin → Access and security → Managers → unlink your manager account, then remove your own users under Users.',
      hu: 'Utolsó lépésként vonja vissza a saját hozzáférését: Adminisztrátor → Hozzáférés és biztonság → Kezelők → bontsa a kezelői fiókja kapcsolatát, majd a Felhasználók lapon távolítsa el a saját felhasználóit.',
    },
  ],
  google_analytics: [
    {
      kind: 'give_client_ownership',
      en: 'Give the client the Administrator role: Admin → Property access management (Account access management for the whole account) → + → Add users → their Google account → Administrator.',
      hu: 'Adja meg az ügyfélnek az Adminisztrátor szerepkört: Adminisztrátor → Tulajdon hozzáférés-kezelése (a teljes fiókhoz: Fiók hozzáférés-kezelése) → + → Felhasználók hozzáadása → az ügyfél Google-fiókja → Adminisztrátor.',
    },
    {
      kind: 'check',
      en: "If the property sits in your own Analytics account, move it into the client's: Admin → Property details → Move property (this needs Administrator on both accounts).",
      hu: 'Ha a tulajdon az Ön saját Analytics-fiókjában van, helyezze át az ügyfélébe: Adminisztrátor → Tulajdon részletei → Tulajdon áthelyezése (ehhez mindkét fiókban Adminisztrátor szerepkör kell).',
    },
    {
      kind: 'check',
      en: 'Check the product links the client relies on (Google Ads, Search Console, BigQuery) under Admin → Product links.',
      hu: 'Ellenőrizze az ügyfél által használt termékkapcsolatokat (Google Ads, Search Console, BigQuery): Adminisztrátor → Termékkapcsolatok.',
    },
    {
      kind: 'remove_own_access',
      en: 'Remove your own access last: Admin → Account and Property access management → select your users → Remove access.',
      hu: 'Utolsó lépésként távolítsa el a saját hozzáférését: Adminisztrátor → Fiók és Tulajdon hozzáférés-kezelése → jelölje ki a saját felhasználóit → Hozzáférés eltávolítása.',
    },
  ],
  linkedin_page: [
    {
      kind: 'give_client_ownership',
      en: "Make the client a Super admin: open the Page's admin view → Settings → Manage admins (Admin tools → Manage admins in older views) → Add admin → their LinkedIn profile → Super admin.",
      hu: 'Tegye az ügyfelet szuperadminisztrátorrá: nyissa meg az oldal adminisztrátori nézetét → Beállítások → Adminisztrátorok kezelése (régebbi nézetben: Adminisztrátori eszközök → Adminisztrátorok kezelése) → Adminisztrátor hozzáadása → az ügyfél LinkedIn-profilja → Szuperadminisztrátor.',
    },
    {
      kind: 'check',
      en: 'Check that they can open the admin view; suggest a second Super admin of theirs, so the Page never depends on one profile.',
      hu: 'Ellenőrizze, hogy az ügyfél eléri az adminisztrátori nézetet; javasolja, hogy jelöljön ki egy második szuperadminisztrátort is, hogy az oldal ne egyetlen profilon múljon.',
    },
    {
      kind: 'check',
      en: 'If you run LinkedIn ads, give them Account manager access in Campaign Manager (Account settings → Manage access) and move the billing to them.',
      hu: 'Ha LinkedIn-hirdetéseket is kezel, adjon nekik fiókkezelői (Account manager) hozzáférést a Campaign Managerben (Fiókbeállítások → Hozzáférés kezelése), és adja át nekik a számlázást.',
    },
    {
      kind: 'remove_own_access',
      en: "Remove your own access last: Manage admins → your name and your team's → Remove.",
      hu: 'Utolsó lépésként távolítsa el a saját hozzáférését: Adminisztrátorok kezelése → az Ön és munkatársai neve → Eltávolítás.',
    },
  ],
  x: [
    {
      kind: 'give_client_ownership',
      en: "X has no shared ownership, so hand over the login: change the account's email to the client's (Settings and privacy → Your account → Account information → Email) and have them confirm it.",
      hu: 'Az X-en nincs megosztott tulajdonjog, ezért a bejelentkezést kell átadni: állítsa a fiók e-mail-címét az ügyfélére (Beállítások és adatvédelem → Saját fiók → Fiókadatok → E-mail), és kérje meg, hogy erősítse meg.',
    },
    {
      kind: 'check',
      en: 'Give the client the password, then have them change it (Your account → Change your password) and replace the phone number with their own.',
      hu: 'Adja át az ügyfélnek a jelszót, majd kérje meg, hogy változtassa meg (Saját fiók → Jelszó módosítása), és cserélje a telefonszámot a sajátjára.',
    },
    {
      kind: 'check',
      en: 'Have them set up two-factor authentication on their own phone or security key (Security and account access → Security → Two-factor authentication) and keep the new backup code.',
      hu: 'Kérje meg, hogy állítsa be a kétlépcsős azonosítást a saját telefonjával vagy biztonsági kulcsával (Biztonság és fiókhozzáférés → Biztonság → Kétlépcsős azonosítás), és őrizze meg az új tartalékkódot.',
    },
    {
      kind: 'remove_own_access',
      en: 'Remove your own access last: the client logs out all other sessions (Security and account access → Apps and sessions → Sessions) and revokes the apps you connected; delete the login and backup codes you kept.',
      hu: 'Utolsó lépésként szüntesse meg a saját hozzáférését: az ügyfél jelentkeztessen ki minden más munkamenetet (Biztonság és fiókhozzáférés → Alkalmazások és munkamenetek → Munkamenetek), és vonja vissza az Ön által csatlakoztatott alkalmazásokat; Ön pedig törölje a megőrzött bejelentkezési adatokat és tartalékkódokat.',
    },
  ],
  tiktok: [
    {
      kind: 'give_client_ownership',
      en: 'In TikTok Business Center, invite the client as Admin (Users → Members → Invite member), or add their own Business Center as a partner with admin permission on the TikTok account and the ad accounts (Users → Partners → Add partner).',
      hu: 'A TikTok Business Centerben hívja meg az ügyfelet adminisztrátorként (Felhasználók → Tagok → Tag meghívása), vagy adja hozzá az ügyfél saját Business Centerét partnerként, adminisztrátori jogosultsággal a TikTok-fiókhoz és a hirdetési fiókokhoz (Felhasználók → Partnerek → Partner hozzáadása).',
    },
    {
      kind: 'check',
      en: "If the TikTok account signs in with your email or phone, change them to the client's (Settings and privacy → Account → Account information); have them change the password and turn on 2-step verification.",
      hu: 'Ha a TikTok-fiók az Ön e-mail-címével vagy telefonszámával lép be, cserélje ezeket az ügyfélére (Beállítások és adatvédelem → Fiók → Fiókadatok); az ügyfél módosítsa a jelszót, és kapcsolja be a kétlépcsős ellenőrzést.',
    },
    {
      kind: 'check',
      en: "Ad accounts your Business Center owns usually cannot be moved: share them with the client's Business Center, or have them open a new one with their own payment method.",
      hu: 'Az Ön Business Centere tulajdonában lévő hirdetési fiókok általában nem helyezhetők át: ossza meg őket az ügyfél Business Centerével, vagy az ügyfél nyisson újat saját fizetési móddal.',
    },
    {
      kind: 'remove_own_access',
      en: 'Remove your own access last: Users → Members → remove yourself and your team, and end the partnership between the Business Centers.',
      hu: 'Utolsó lépésként vonja vissza a saját hozzáférését: Felhasználók → Tagok → távolítsa el magát és munkatársait, és szüntesse meg a Business Centerek közötti partnerkapcsolatot.',
    },
  ],
  other: [
    {
      kind: 'give_client_ownership',
      en: 'Give the client ownership, or the highest admin role, in their own name before anything else.',
      hu: 'Mindenekelőtt adja át az ügyfélnek a tulajdonjogot vagy a legmagasabb adminisztrátori szerepkört, az ügyfél saját nevére.',
    },
    {
      kind: 'check',
      en: "Check that the billing, the recovery email and phone, and two-factor authentication are the client's own, not yours.",
      hu: 'Ellenőrizze, hogy a számlázás, a helyreállítási e-mail-cím és telefonszám, valamint a kétlépcsős azonosítás az ügyfélé, és nem az Öné.',
    },
    {
      kind: 'check',
      en: 'Ask the client to confirm they can sign in and manage users without your help.',
      hu: 'Kérje meg az ügyfelet, hogy erősítse meg: az Ön segítsége nélkül is be tud jelentkezni, és kezelni tudja a felhasználókat.',
    },
    {
      kind: 'remove_own_access',
      en: 'Remove your own access last, and delete the logins and backup codes you kept.',
      hu: 'Utolsó lépésként távolítsa el a saját hozzáférését, és törölje a megőrzött bejelentkezési adatokat és tartalékkódokat.',
    },
  ],
};

export interface LocalisedHandoverStep {
  kind: HandoverStepKind;
  text: string;
}

export interface LocalisedHandoverGuidance {
  /** The language the steps are in: the one asked for when there is one, English otherwise. */
  locale: GuidanceLocale;
  steps: LocalisedHandoverStep[];
}

export function isGuidanceLocale(locale: string): locale is GuidanceLocale {
  return (guidanceLocales as readonly string[]).includes(locale);
}

/** The steps for one platform in the client's language (`en` for any language without a text). */
export function handoverGuidanceFor(platform: HandoverPlatform, locale: string): LocalisedHandoverGuidance {
  const language = isGuidanceLocale(locale) ? locale : 'en';
  return { locale: language, steps: handoverGuidance[platform].map((step) => ({ kind: step.kind, text: step[language] })) };
}
