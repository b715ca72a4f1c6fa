// The controls that choose a plan, term, quantity, options and expected usage of one product: the simulator's and the cart's.
import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EstimateRequest, ProductDetail } from '../api/catalog';
import { formatYen, useLang } from './catalog-format';

export type Plan = ProductDetail['plans'][number];

/** What the customer chose; options and usage by code with their quantities. */
export type ProductChoice = {
  plan: string;
  term: string;
  quantity: number;
  options: Record<string, number>;
  usage: Record<string, number>;
};

/** The first term of a plan (or of the first plan), at its smallest quantity, nothing optional taken. */
export function initialChoice(product: ProductDetail, planCode?: string): ProductChoice {
  const plan = product.plans.find((p) => p.code === planCode) ?? product.plans[0]!;
  return { plan: plan.code, term: plan.terms[0]!.term, quantity: plan.quantity.min, options: {}, usage: {} };
}

/** The choice as the estimate, cart and order APIs take it (without the product). */
export function choiceRequest(choice: ProductChoice): Omit<EstimateRequest, 'product'> {
  return {
    plan: choice.plan,
    term: choice.term,
    quantity: choice.quantity,
    options: Object.entries(choice.options).map(([code, quantity]) => ({ code, quantity })),
    usage: Object.entries(choice.usage).map(([code, quantity]) => ({ code, quantity })),
  };
}

/** A stored choice (a cart item's) back into the controls' shape. */
export function choiceFrom(
  product: ProductDetail,
  stored: {
    plan: string;
    term: string;
    quantity: number | null;
    options: { code: string; quantity?: number }[];
    usage: { code: string; quantity: number }[];
  },
): ProductChoice {
  const plan = product.plans.find((p) => p.code === stored.plan) ?? product.plans[0]!;
  const options: Record<string, number> = {};
  for (const o of stored.options) {
    const option = product.options.find((x) => x.code === o.code);
    if (option) options[o.code] = o.quantity ?? option.quantity.min;
  }
  return {
    plan: plan.code,
    term: plan.terms.some((t) => t.term === stored.term) ? stored.term : plan.terms[0]!.term,
    quantity: stored.quantity ?? plan.quantity.min,
    options,
    usage: Object.fromEntries(stored.usage.map((u) => [u.code, u.quantity])),
  };
}

export function ProductChoiceFields({
  product,
  choice,
  onChange,
  quantityError,
}: {
  product: ProductDetail;
  choice: ProductChoice;
  onChange: (choice: ProductChoice) => void;
  /** The server's message for the quantity, shown under the field. */
  quantityError?: string | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const plan: Plan = product.plans.find((p) => p.code === choice.plan)!;

  const setOption = (code: string, quantity: number | null) => {
    const option = product.options.find((o) => o.code === code)!;
    const options = { ...choice.options };
    if (quantity === null) delete options[code];
    else {
      // Alternatives (SSL quick / OV / EV): choosing one drops the others of its group.
      for (const other of product.options) {
        if (other.code !== code && option.choiceGroup && other.choiceGroup === option.choiceGroup)
          delete options[other.code];
      }
      options[code] = quantity;
    }
    onChange({ ...choice, options });
  };

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('catalog.plan')}
          value={choice.plan}
          allowDeselect={false}
          data={product.plans.map((p) => ({ value: p.code, label: p.name[lang] }))}
          onChange={(value) => value && onChange(initialChoice(product, value))}
          comboboxProps={{ withinPortal: false }}
        />
        <Select
          label={t('catalog.term')}
          value={choice.term}
          allowDeselect={false}
          data={plan.terms.map((term) => ({ value: term.term, label: term.label[lang] }))}
          onChange={(value) => value && onChange({ ...choice, term: value, options: {} })}
          comboboxProps={{ withinPortal: false }}
        />
        <NumberInput
          label={
            plan.quantityUnit[lang]
              ? `${t('catalog.quantity')} (${plan.quantityUnit[lang]})`
              : t('catalog.quantity')
          }
          value={choice.quantity}
          min={plan.quantity.min}
          max={plan.quantity.max}
          step={plan.quantity.step}
          disabled={plan.quantity.min === plan.quantity.max}
          description={
            plan.quantity.min === plan.quantity.max
              ? t('catalog.quantityFixed', { count: plan.quantity.min })
              : t('catalog.quantityRange', { min: plan.quantity.min, max: plan.quantity.max })
          }
          error={quantityError}
          onChange={(value) =>
            onChange({ ...choice, quantity: typeof value === 'number' ? value : plan.quantity.min })
          }
        />
      </SimpleGrid>
      {product.options.length > 0 && (
        <Stack gap="xs">
          <Text fw={700}>{t('catalog.options')}</Text>
          {product.options.map((option) => {
            const offer = option.offers.find((o) => o.plan === choice.plan && o.term === choice.term);
            const taken = option.code in choice.options;
            const label = offer
              ? `${option.name[lang]} — ${offer.included ? t('catalog.included') : `${formatYen(offer.price.amount)} (${t('catalog.taxIn', { amount: formatYen(offer.price.withTax) })})`}`
              : `${option.name[lang]} — ${t('catalog.notOffered')}`;
            return (
              <Group key={option.code} gap="sm" align="center">
                <Checkbox
                  label={label}
                  checked={Boolean(offer?.included) || taken}
                  disabled={!offer || offer.included}
                  onChange={(e) =>
                    setOption(option.code, e.currentTarget.checked ? option.quantity.min : null)
                  }
                />
                {offer && !offer.included && taken && option.quantity.max > option.quantity.min && (
                  <NumberInput
                    aria-label={t('catalog.optionQuantity', { name: option.name[lang] })}
                    size="xs"
                    w={110}
                    value={choice.options[option.code]}
                    min={option.quantity.min}
                    max={option.quantity.max}
                    suffix={option.quantityUnit[lang] ? ` ${option.quantityUnit[lang]}` : ''}
                    onChange={(value) =>
                      setOption(option.code, typeof value === 'number' ? value : option.quantity.min)
                    }
                  />
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      {plan.usageComponents.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {plan.usageComponents.map((component) => (
            <NumberInput
              key={component.code}
              label={t('catalog.expectedUsage', { name: component.name[lang], unit: component.unit[lang] })}
              min={0}
              value={choice.usage[component.code] ?? 0}
              thousandSeparator=","
              onChange={(value) =>
                onChange({
                  ...choice,
                  usage: { ...choice.usage, [component.code]: typeof value === 'number' ? value : 0 },
                })
              }
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
