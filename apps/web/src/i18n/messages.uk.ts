import type { ErrorCode, FieldRuleCode } from '@jv/contracts';

/**
 * What the server's refusals and the forms' field rules say, in Ukrainian. Typed against the
 * contracts' lists: an error code or a field rule without a sentence here fails the typecheck.
 */
export const errorCodesUk = {
  VALIDATION_FAILED: 'Перевірте виділені поля.',
  MALFORMED_BODY: 'Сервер не зміг прочитати запит. Оновіть сторінку й спробуйте ще раз.',
  COMMENT_REQUIRED: 'Додайте коментар із причиною.',
  UNAUTHENTICATED: 'Сеанс завершився. Увійдіть знову.',
  BAD_CREDENTIALS: 'Неправильна електронна пошта або пароль.',
  MFA_CODE_INVALID: 'Код неправильний або вже використаний. Перевірте час на пристрої та спробуйте ще раз.',
  MFA_NOT_STARTED: 'Спершу увійдіть із паролем.',
  SETUP_REQUIRED: 'Спершу завершіть налаштування облікового запису.',
  FORBIDDEN: 'У вас немає прав на цю дію.',
  NOT_FOUND: 'Запис не знайдено.',
  METHOD_NOT_ALLOWED: 'Ця дія тут недоступна.',
  STALE_VERSION:
    'Цей запис щойно змінив інший користувач. ' +
    'Перезавантажте сторінку, щоб побачити актуальні дані, і внесіть зміни ще раз.',
  DUPLICATE: 'Такий запис уже існує.',
  INVALID_TRANSITION: 'Перехід зі стану «{{from}}» у «{{to}}» не дозволено. Можливі: {{allowed}}.',
  WORK_LOG_REQUIRED: 'Перед завершенням внесіть хоча б один запис про роботи.',
  FOUR_EYES: 'Підписати контроль якості має людина, яка не вносила робіт за цим ремонтом.',
  JOB_CLOSED: 'Ремонт {{jobNumber}} уже завершено або скасовано, його не можна змінити.',
  NOT_AWAITING_SIGN_OFF: 'Підпис контролю якості можна просити лише на етапі «Контроль якості» (зараз: {{jobStatus}}).',
  OPEN_JOB_EXISTS: 'Для цієї системи вже є відкритий ремонт {{jobNumber}}.',
  SYSTEM_NOT_REPAIRABLE: 'Систему в стані «{{systemStatus}}» не можна взяти в ремонт.',
  SYSTEM_WRITTEN_OFF: 'Система списана: звіти про використання не приймаються.',
  DUPLICATE_USAGE_DAY: 'Звіт про використання за {{date}} уже є.',
  INVALID_STATUS_CHANGE: 'Зміну стану з «{{from}}» на «{{to}}» зараз не можна зробити.',
  STATUS_NEEDS_REPAIR_JOB:
    'Систему в стані «{{from}}» можна повернути в стрій лише через ремонт, підписаний другою людиною.',
  STATUS_FOLLOWS_JOB: 'Система має відкритий ремонт {{jobNumber}}: її стан змінюється лише переходами ремонту.',
  IDEMPOTENCY_IN_PROGRESS: 'Попередній запит ще обробляється. Зачекайте мить і спробуйте ще раз.',
  INCOMPATIBLE_COMPONENT: 'Цей компонент не підходить до моделі системи.',
  SCHEDULE_CONFLICT: 'Конфлікт розкладу: {{conflictList}}.',
  INSTRUCTOR_NOT_QUALIFIED: 'Інструктор не має кваліфікації інструктора на модель цього курсу.',
  RESULTS_MISSING: 'Спершу внесіть результати всіх слухачів (бракує: {{missing}}).',
  COHORT_CLOSED: 'Навчальна група в стані «{{cohortStatus}}» цього не приймає.',
  OVER_DELIVERY: 'Поставка більша за залишок заявки: залишилося {{remaining}}.',
  NOT_RECEIVING: 'Поставки приймаються лише для замовлених або відправлених заявок (зараз: {{requestStatus}}).',
  REQUEST_LOCKED: 'Змінювати можна лише чернетку (зараз: {{requestStatus}}).',
  PARTS_EXCEED_DELIVERED: 'За цією заявкою доступно лише {{available}} шт.',
  // photos (H4)
  PHOTO_LIMIT_REACHED: 'До цього ремонту вже додано {{limit}} фото: видаліть одне, щоб додати інше.',
  REPORT_NOT_DRAFT: 'Перерахувати можна лише чернетку; цей звіт — {{reportStatus}}.',
  REPORT_NOT_PUBLISHED: 'Передачу фіксують лише для опублікованих звітів; цей звіт — {{reportStatus}}.',
  IDEMPOTENCY_KEY_REUSED: 'Запит не збігається з попереднім. Оновіть сторінку й спробуйте ще раз.',
  PAYLOAD_TOO_LARGE: 'Файл або запит завеликий.',
  UNSUPPORTED_MEDIA_TYPE: 'Надішліть файл у форматі CSV.',
  TOO_MANY_REQUESTS: 'Забагато спроб. Спробуйте знову через {{minutes}} хв.',
  INTERNAL: 'Помилка сервера. Спробуйте пізніше.',
  SERVICE_UNAVAILABLE: 'Сервер тимчасово недоступний. Спробуйте пізніше.',
  DATABASE_UNAVAILABLE: 'База даних не відповідає. Спробуйте ще раз за {{retryAfterSeconds}} с; нічого не втрачено.',
  NETWORK_ERROR: 'Немає звʼязку з сервером. Перевірте підключення та спробуйте ще раз.',
} satisfies Record<ErrorCode | 'NETWORK_ERROR', string>;

export const fieldRulesUk = {
  invalid_type: 'Некоректне значення',
  too_small: 'Замале значення',
  too_big: 'Завелике значення',
  invalid_format: 'Некоректний формат',
  not_multiple_of: 'Має бути кратним {{divisor}}',
  unrecognized_keys: 'Невідомі поля: {{keys}}',
  invalid_union: 'Некоректне значення',
  invalid_key: 'Некоректний ключ',
  invalid_element: 'Некоректний елемент',
  invalid_value: 'Виберіть значення зі списку',
  custom: 'Некоректне значення',
  required: 'Обовʼязкове поле',
  not_found: 'Такого запису немає',
  duplicate: 'Уже використовується',
  listed_twice: 'Вказано більше одного разу',
  in_future: 'Дата не може бути в майбутньому',
  before_job_opened: 'Дата не може бути раніше відкриття ремонту',
  invalid_cursor: 'Некоректна позиція списку; почніть спочатку',
  serial_chars: 'Латинські літери, цифри, крапки, скісні риски або дефіси',
  code_chars: '2–20 латинських літер, цифр або дефісів',
  country_code: 'Код ISO 3166 alpha-2: дві латинські літери, напр. PL',
  part_number_chars: '2–40 латинських літер, цифр, крапок, скісних рисок або дефісів',
  barrel_efc_over_total: 'ЕПЗ ствола не може перевищувати загальний ЕПЗ',
  workshop_needs_facility: 'Користувачу майстерні потрібен щонайменше один обʼєкт',
  partner_needs_country: 'Користувачу-партнеру потрібна країна-партнер',
  workshop_needs_bays: 'Ремонтній майстерні потрібен щонайменше один ремонтний бокс',
  training_base_needs_seats: 'Навчальній базі потрібне щонайменше одне навчальне місце',
  interval_required: 'Вкажіть інтервал у днях, в ЕПЗ або обидва',
  period_reversed: 'Початок періоду пізніше за його кінець',
  period_too_long: 'Період не довший за {{maximum}} днів',
  repair_workshop_only: 'Лише ремонтна майстерня',
  incompatible_component: 'Цей компонент не підходить до моделі системи',
  barrel_serial_required: 'Для завершення заміни ствола потрібен серійний номер нового ствола',
  barrel_serial_not_expected: 'Вказується лише при завершенні заміни ствола',
  comment_required: 'Додайте коментар із причиною',
  idempotency_key_format: 'Некоректний ключ запиту',
  in_use: 'Ще використовується',
  whole_number: 'Введіть ціле число',
  not_eligible_technician: 'Не є активним працівником цієї майстерні',
  host_not_partner: 'Приймаюча країна не є іноземним партнером',
  workshop_facility_only: 'Користувачів майстерні можна призначати лише до ремонтних майстерень',
  own_admin_role: 'Не можна зняти з себе роль адміністратора',
  own_account_active: 'Не можна вимкнути власний обліковий запис',
  csv_parse: 'Рядок CSV не вдалося прочитати',
  empty_file: 'Файл порожній: потрібен рядок заголовків',
  field_count: 'У рядку {{fields}} полів, а в заголовку {{expected}}',
  unknown_column: 'Невідомий стовпець «{{name}}»; очікуються: {{expected}}',
  column_twice: 'Стовпець «{{name}}» повторюється',
  missing_column: 'Бракує стовпця «{{name}}»',
  unknown_reference: 'Невідоме значення «{{value}}»',
  unknown_status: 'Невідомий стан «{{value}}»; можливі: {{expected}}',
  efc_format: 'Очікується число від 0 до 1000000, не більше 2 знаків після коми (напр. 1250.5)',
  too_long: 'Не більше {{maximum}} символів',
  serial_repeats: 'Серійний номер {{serial}} повторює рядок {{line}} для тієї ж моделі',
  serial_registered: 'Серійний номер {{serial}} уже зареєстровано для цієї моделі',
  component_or_model: 'Вкажіть компонент або модель системи, але не обидва',
  in_past: 'Дата не може бути в минулому',
  destination_kind: 'Лише ремонтна майстерня або склад',
  service_number_chars: '4–20 латинських літер, цифр або дефісів',
  training_base_only: 'Лише навчальна база',
  over_course_seats: 'Більше місць, ніж передбачає курс ({{maximum}})',
  report_period: 'Місяць (2026-10) або квартал (2026-Q3)',
  period_in_future: 'Цей період ще не почався',
  password_breached: 'Цей пароль є у списку поширених або зламаних паролів; оберіть інший',
  password_wrong: 'Поточний пароль неправильний',
  password_unchanged: 'Новий пароль має відрізнятися від поточного',
  // photos (H4)
  image_type: 'Це не зображення JPEG, PNG чи WebP',
  content_type_mismatch: 'Файл не того типу зображення, яким позначений',
} satisfies Record<FieldRuleCode, string>;

/** The built-in checks, worded by what was checked (text, number, list, date). */
export const fieldChecksUk = {
  minChars: 'Щонайменше {{minimum}} символів',
  maxChars: 'Не більше {{maximum}} символів',
  minNumber: 'Не менше {{minimum}}',
  minNumberExclusive: 'Більше {{minimum}}',
  maxNumber: 'Не більше {{maximum}}',
  maxNumberExclusive: 'Менше {{maximum}}',
  minItems: 'Виберіть щонайменше {{minimum}}',
  maxItems: 'Не більше {{maximum}} елементів',
  minDate: 'Не раніше {{minimum}}',
  maxDate: 'Не пізніше {{maximum}}',
  number: 'Введіть число',
  email: 'Введіть адресу електронної пошти',
  uuid: 'Некоректний ідентифікатор',
  date: 'Введіть дату',
  datetime: 'Введіть дату й час',
};

/** One clause per schedule conflict, joined into SCHEDULE_CONFLICT's {{conflictList}} (names left out when hidden). */
export const scheduleConflictsUk = {
  base_capacity: 'навчальна база переповнена {{day}} ({{seats}} місць при місткості {{capacity}})',
  instructor_busy: 'інструктор {{person}} у ці дні вже веде групу {{cohort}}',
  trainee_busy: 'слухач {{person}} у ці дні вже навчається в групі {{cohort}}',
  cohort_full: 'у групі {{cohort}} немає вільних місць',
  unknown: 'розклад перетинається з іншою групою',
};

/* Offline shell (H5a): connection status, last-seen data, app updates (apps/web/src/pwa, app/connection-status.tsx) */
export const offlineUk = {
  online: 'У мережі',
  offline: 'Офлайн',
  connection: 'Зʼєднання: {{state}}',
  dataFrom: 'Офлайн — дані від {{time}}',
  dataFromHint: 'Показано дані, збережені на пристрої.',
  notCached:
    'Немає зʼєднання, а дані цієї сторінки на пристрої не збережені. Вони завантажаться, щойно зʼєднання повернеться.',
  newVersion: 'Нова версія — перезавантажити',
};

/* Outbox (H5b): workshop entries kept on the device until they are sent (apps/web/src/lib/outbox, features/outbox) */
export const outboxUk = {
  title: 'Вихідні',
  description:
    'Записи, зроблені без зʼєднання. Вони надсилаються по черзі, щойно зʼєднання повернеться; ' +
    'відхилений запис можна виправити або відкинути.',
  badge: 'Вихідні: {{n}}',
  badgeLabel: 'Вихідні: чекають надсилання — {{n}}',
  empty: 'Нічого не чекає надсилання.',
  waiting: 'Чекає надсилання',
  queued: 'Збережено на пристрої — буде надіслано, щойно зʼєднання повернеться.',
  created: 'Створено {{time}}',
  nextAttempt: 'Наступна спроба о {{time}}',
  heldBehind: 'Чекає на відхилений запис цього ж ремонту',
  dependencyDropped: 'Запис, на який посилається цей, відкинуто.',
  serverSaid: 'Відповідь сервера: {{message}}',
  pendingMove: 'Переведення в «{{to}}» чекає надсилання',
  drop: 'Відкинути',
  dropConfirm: 'Відкинути цей запис? Його не буде надіслано.',
  fix: 'Виправити',
  fixOrDrop: 'Виправити або відкинути у вихідних',
  retry: 'Повторити',
  sendNow: 'Надіслати зараз',
  signOutConfirm_one:
    '{{count}} запис ще не надіслано. Він залишиться на цьому пристрої й буде надісланий, коли ви знову ' +
    'увійдете. Вийти?',
  signOutConfirm_few:
    '{{count}} записи ще не надіслано. Вони залишаться на цьому пристрої й будуть надіслані, коли ви знову ' +
    'увійдете. Вийти?',
  signOutConfirm_many:
    '{{count}} записів ще не надіслано. Вони залишаться на цьому пристрої й будуть надіслані, коли ви знову ' +
    'увійдете. Вийти?',
  signOutConfirm_other:
    '{{count}} записи ще не надіслано. Вони залишаться на цьому пристрої й будуть надіслані, коли ви знову ' +
    'увійдете. Вийти?',
  kind: {
    workLog: 'Запис у журналі робіт',
    usageReport: 'Звіт про використання',
    partUsed: 'Використана запчастина',
    jobMove: 'Переведення ремонту',
    newJob: 'Новий ремонт',
    componentRequest: 'Заявка на компонент',
  },
  state: {
    pending: 'Чекає надсилання',
    sending: 'Надсилається',
    failed: 'Не вдалося надіслати',
    conflict: 'Відхилено',
  },
};
